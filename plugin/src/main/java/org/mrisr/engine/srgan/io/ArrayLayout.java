package org.mrisr.engine.srgan.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mrisr.engine.InvalidInputException;
import org.nd4j.linalg.api.ndarray.INDArray;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * What the array entries after a file's header must be, decided from the (already checked) header
 * before any entry is read: the arrays the header lists, in file order, with their shapes; and the
 * most values all arrays together may hold, which the architecture the header describes implies.
 *
 * @param listed    the header's list (names without the {@code weights/} prefix), or null when the
 *                  header has none (checkpoints written before mrisr listed their arrays): then only
 *                  the total and duplicates are checked
 * @param maxValues most float32 values in all entries together
 */
record ArrayLayout(List<Listed> listed, long maxValues) {

    /** One listed array. */
    record Listed(String name, long[] shape, long values) {
    }

    /** No list: entries are only bounded in total (and refused when repeated). */
    static ArrayLayout unlisted(long maxValues) {
        return new ArrayLayout(null, maxValues);
    }

    /**
     * The list in {@code header.field} ({@code [{name, shape}, …]}); refuses duplicates, bad shapes and a
     * total over {@code maxValues}, naming src and the field.
     */
    static ArrayLayout listed(JsonObject header, String field, String src, long maxValues) {
        JsonElement e = ConfigJson.field(header, field, src);
        if (!e.isJsonArray()) {
            throw new InvalidInputException(src, "field '" + field + "' must be a list of {name, shape}");
        }
        List<Listed> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        long total = 0;
        for (JsonElement item : e.getAsJsonArray()) {
            String where = field + "[" + out.size() + "]";
            if (!item.isJsonObject()) {
                throw new InvalidInputException(src, "field '" + where + "' must be an object {name, shape}");
            }
            String name = ConfigJson.string(item.getAsJsonObject(), "name", src);
            if (!names.add(name)) {
                throw new InvalidInputException(src, "field '" + where + "': array '" + name + "' is listed twice");
            }
            long[] shape = shape(item.getAsJsonObject(), where, src);
            long values = 1;
            for (long d : shape) {
                values *= d;
            }
            total += values;
            if (total > maxValues) {
                throw new InvalidInputException(src, "field '" + field + "' lists more than " + maxValues
                        + " values (reached at '" + name + "'), more than the architecture the header describes holds");
            }
            out.add(new Listed(name, shape, values));
        }
        return new ArrayLayout(List.copyOf(out), maxValues);
    }

    private static long[] shape(JsonObject item, String where, String src) {
        JsonElement s = ConfigJson.field(item, "shape", src);
        if (!s.isJsonArray() || s.getAsJsonArray().size() < 1 || s.getAsJsonArray().size() > ArrayEntry.MAX_RANK) {
            throw new InvalidInputException(src, "field '" + where + ".shape' must be a list of 1.." + ArrayEntry.MAX_RANK
                    + " sizes");
        }
        JsonArray a = s.getAsJsonArray();
        long[] shape = new long[a.size()];
        long values = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = ConfigJson.wholeNumber(a.get(i), where + ".shape[" + i + "]", src);
            if (shape[i] < 1 || shape[i] > ArrayEntry.MAX_VALUES || (values *= shape[i]) > ArrayEntry.MAX_VALUES) {
                throw new InvalidInputException(src, "field '" + where + ".shape' = " + a + " is not a shape of at most "
                        + ArrayEntry.MAX_VALUES + " values");
            }
        }
        return shape;
    }

    /** Sum of the listed arrays' values. */
    long listedValues() {
        long n = 0;
        for (Listed l : listed) {
            n += l.values();
        }
        return n;
    }

    /** The listed array expected at {@code index}, or null past the end. */
    Listed at(int index) {
        return index < listed.size() ? listed.get(index) : null;
    }

    boolean lists(String name) {
        return listed.stream().anyMatch(l -> l.name().equals(name));
    }

    /** The list a writer puts in the header: {@code [{name, shape}, …]} in file order. */
    static JsonArray describe(Map<String, INDArray> arrays) {
        JsonArray names = new JsonArray();
        for (Map.Entry<String, INDArray> a : arrays.entrySet()) {
            JsonObject e = new JsonObject();
            e.addProperty("name", a.getKey());
            JsonArray shape = new JsonArray();
            Arrays.stream(a.getValue().shape()).forEach(shape::add);
            e.add("shape", shape);
            names.add(e);
        }
        return names;
    }
}
