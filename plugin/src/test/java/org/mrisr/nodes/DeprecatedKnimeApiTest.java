package org.mrisr.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.mrisr.nodes.cell.VolumeCell;

/**
 * The nodes call no KNIME API that KNIME deprecates (the stand-in marks those members {@code @Deprecated}
 * as KNIME does, e.g. {@code FileStoreCell.getFileStore()} since 3.7): every method and field reference
 * in the compiled node classes is resolved, inherited members included, and checked.
 */
class DeprecatedKnimeApiTest {
    /** A method or field reference of a class file: owner (binary name), name and descriptor. */
    record MemberRef(String owner, String name, String descriptor, boolean method) {
    }

    @Test
    void nodeClassesUseNoDeprecatedKnimeMember() throws Exception {
        Path classes = Path.of(VolumeCell.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> uses = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(classes.resolve("org/mrisr/nodes"))) {
            for (Path p : (Iterable<Path>)files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                for (MemberRef r : memberRefs(Files.readAllBytes(p))) {
                    if (!r.owner().startsWith("org.knime.") && !r.owner().startsWith("org.mrisr.nodes.")) {
                        continue;
                    }
                    AnnotatedElement target = resolve(r);
                    checked++;
                    if (target != null && target.isAnnotationPresent(Deprecated.class)) {
                        uses.add(classes.relativize(p) + " uses deprecated " + target);
                    }
                }
            }
        }
        assertTrue(checked > 100, "references to KNIME and node classes found: " + checked);
        assertEquals(List.of(), uses);
    }

    @Test
    void theCheckSeesAnInheritedDeprecatedCall() throws Exception {
        // What VolumeCell did before: getFileStore() on itself, declared (deprecated) in FileStoreCell.
        AnnotatedElement m = resolve(new MemberRef(VolumeCell.class.getName(), "getFileStore",
            "()Lorg/knime/core/data/filestore/FileStore;", true));
        assertTrue(m != null && m.isAnnotationPresent(Deprecated.class), String.valueOf(m));
    }

    /** The member a reference denotes (searched up the hierarchy, as the JVM links it), null if not found. */
    private static AnnotatedElement resolve(final MemberRef r) throws ClassNotFoundException {
        Class<?> owner = Class.forName(r.owner(), false, DeprecatedKnimeApiTest.class.getClassLoader());
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(owner));
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            if (!r.method()) {
                for (var f : c.getDeclaredFields()) {
                    if (f.getName().equals(r.name()) && descriptor(f.getType()).equals(r.descriptor())) {
                        return f;
                    }
                }
            } else {
                List<Executable> candidates = new ArrayList<>(Arrays.asList(c.getDeclaredMethods()));
                candidates.addAll(Arrays.asList(c.getDeclaredConstructors()));
                for (Executable e : candidates) {
                    String name = e instanceof Method ? e.getName() : "<init>";
                    if (name.equals(r.name()) && descriptor(e).equals(r.descriptor())) {
                        return e;
                    }
                }
            }
            if (c.getSuperclass() != null) {
                todo.add(c.getSuperclass());
            }
            todo.addAll(Arrays.asList(c.getInterfaces()));
        }
        return null;
    }

    private static String descriptor(final Executable e) {
        String params = Arrays.stream(e.getParameterTypes()).map(DeprecatedKnimeApiTest::descriptor)
            .collect(Collectors.joining());
        return "(" + params + ")" + (e instanceof Method ? descriptor(((Method)e).getReturnType()) : "V");
    }

    private static String descriptor(final Class<?> t) {
        if (t.isArray()) {
            return t.getName().replace('.', '/');
        }
        if (t.isPrimitive()) {
            return String.valueOf("ZBCSIJFDV".charAt(List.of(boolean.class, byte.class, char.class, short.class,
                int.class, long.class, float.class, double.class, void.class).indexOf(t)));
        }
        return "L" + t.getName().replace('.', '/') + ";";
    }

    /** The Fieldref/Methodref/InterfaceMethodref entries of a class file's constant pool (JVMS 4.4). */
    static List<MemberRef> memberRefs(final byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int n = in.readUnsignedShort();
        String[] utf8 = new String[n];
        int[][] refs = new int[n][];
        int[] tags = new int[n];
        for (int i = 1; i < n; i++) {
            int tag = in.readUnsignedByte();
            tags[i] = tag;
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7, 8, 16, 19, 20 -> refs[i] = new int[] {in.readUnsignedShort()};
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++; // takes two entries
                }
                case 9, 10, 11, 12, 17, 18 -> refs[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("constant pool tag " + tag);
            }
        }
        List<MemberRef> out = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            if (tags[i] >= 9 && tags[i] <= 11) {
                String owner = utf8[refs[refs[i][0]][0]];
                int[] nameAndType = refs[refs[i][1]];
                if (!owner.startsWith("[")) {
                    out.add(new MemberRef(owner.replace('/', '.'), utf8[nameAndType[0]], utf8[nameAndType[1]], tags[i] != 9));
                }
            }
        }
        return out;
    }
}
