package org.mrisr.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsed {@code --name value} arguments. A flag followed by another flag (or nothing) is a boolean
 * switch; a flag followed by several non-flag words takes them all (e.g. {@code --hr a.nii b.nii}).
 * Every flag a command reads is remembered, so {@link #rejectUnknown()} can refuse typos.
 */
public final class Args {
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final Set<String> read = new LinkedHashSet<>();
    private final List<String> positional = new ArrayList<>();

    public Args(String[] argv) throws UsageException {
        String current = null;
        for (String a : argv) {
            if (a.startsWith("--") && a.length() > 2 && !isNumber(a)) {
                String name = a.substring(2);
                String inline = null;
                int eq = name.indexOf('=');
                if (eq > 0) {
                    inline = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (values.containsKey(name)) {
                    throw new UsageException("flag --" + name + " given twice");
                }
                values.put(name, new ArrayList<>());
                if (inline != null) {
                    values.get(name).add(inline);
                    current = null;
                } else {
                    current = name;
                }
            } else if (current != null) {
                values.get(current).add(a);
            } else {
                positional.add(a);
            }
        }
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public boolean has(String name) {
        read.add(name);
        return values.containsKey(name);
    }

    /** A boolean switch: present without a value. */
    public boolean flag(String name) throws UsageException {
        read.add(name);
        List<String> v = values.get(name);
        if (v == null) {
            return false;
        }
        if (!v.isEmpty()) {
            throw new UsageException("--" + name + " takes no value, got '" + v.get(0) + "'");
        }
        return true;
    }

    /** The single value of --name, or null when absent. */
    public String string(String name) throws UsageException {
        read.add(name);
        List<String> v = values.get(name);
        if (v == null) {
            return null;
        }
        if (v.size() != 1) {
            throw new UsageException("--" + name + " needs exactly one value" + (v.isEmpty() ? "" : ", got " + v));
        }
        return v.get(0);
    }

    public String string(String name, String dflt) throws UsageException {
        String s = string(name);
        return s == null ? dflt : s;
    }

    public String required(String name) throws UsageException {
        String s = string(name);
        if (s == null) {
            throw new UsageException("missing --" + name);
        }
        return s;
    }

    public Path requiredPath(String name) throws UsageException {
        return Path.of(required(name));
    }

    /** All values of --name (one or more words), or an empty list when absent. */
    public List<String> list(String name) throws UsageException {
        read.add(name);
        List<String> v = values.get(name);
        if (v == null) {
            return List.of();
        }
        if (v.isEmpty()) {
            throw new UsageException("--" + name + " needs a value");
        }
        return List.copyOf(v);
    }

    public int integer(String name, int dflt) throws UsageException {
        String s = string(name);
        if (s == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be an integer, got '" + s + "'");
        }
    }

    public long longValue(String name, long dflt) throws UsageException {
        String s = string(name);
        if (s == null) {
            return dflt;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be an integer, got '" + s + "'");
        }
    }

    public double number(String name, double dflt) throws UsageException {
        String s = string(name);
        if (s == null) {
            return dflt;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, got '" + s + "'");
        }
    }

    /**
     * A comma-separated list of n numbers, or one number repeated n times (e.g. "2" or "2,2,4").
     * Returns dflt when absent.
     */
    public double[] numbers(String name, int n, double[] dflt) throws UsageException {
        String s = string(name);
        if (s == null) {
            return dflt;
        }
        String[] parts = s.split(",");
        if (parts.length != 1 && parts.length != n) {
            throw new UsageException("--" + name + " needs 1 or " + n + " comma-separated numbers, got '" + s + "'");
        }
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            String p = parts[parts.length == 1 ? 0 : i].trim();
            try {
                r[i] = Double.parseDouble(p);
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + ": '" + p + "' is not a number");
            }
        }
        return r;
    }

    /** Whether the command asked for --name (given or not): the flags this command has. */
    public boolean isFlagOfCommand(String name) {
        return read.contains(name);
    }

    public List<String> positional() {
        return positional;
    }

    /** Fails on any flag the command never asked about, and on stray positional words. */
    public void rejectUnknown() throws UsageException {
        for (String k : values.keySet()) {
            if (!read.contains(k) && !k.equals("debug") && !k.equals("help")) {
                throw new UsageException("unknown flag --" + k);
            }
        }
    }

    /** Like {@link #rejectUnknown()} and also refuses positional words. */
    public void rejectUnknownAndPositional() throws UsageException {
        rejectUnknown();
        if (!positional.isEmpty()) {
            throw new UsageException("unexpected argument '" + positional.get(0) + "'");
        }
    }
}
