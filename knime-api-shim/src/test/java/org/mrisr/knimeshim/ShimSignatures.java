package org.mrisr.knimeshim;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Lists the KNIME API surface the compiled shim exposes: every public or protected class, constructor,
 * method and field under org.knime (shim-only helpers, named Shim*, excluded), one canonical line each
 * (toGenericString, prefixed "@java.lang.Deprecated " for what KNIME deprecates).
 */
final class ShimSignatures {
    private ShimSignatures() {
    }

    static List<String> ofCompiledShim() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(org.knime.core.node.NodeModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names;
        try (Stream<Path> files = Files.walk(root.resolve("org/knime"))) {
            names = files.filter(p -> p.toString().endsWith(".class"))
                .map(p -> root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", ""))
                .collect(Collectors.toList());
        }
        TreeSet<String> lines = new TreeSet<>();
        for (String n : names) {
            Class<?> c = Class.forName(n, false, ShimSignatures.class.getClassLoader());
            if (c.isAnonymousClass() || c.isSynthetic() || !isApi(c) || c.getSimpleName().startsWith("Shim")) {
                continue;
            }
            lines.add(typeLine(c));
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (isApi(k.getModifiers()) && !k.isSynthetic()) {
                    lines.add(c.getName() + " :: " + deprecation(k) + k.toGenericString());
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (isApi(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                    lines.add(c.getName() + " :: " + deprecation(m) + m.toGenericString());
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (isApi(f.getModifiers()) && !f.isSynthetic()) {
                    lines.add(c.getName() + " :: " + deprecation(f) + f.toGenericString());
                }
            }
        }
        return new ArrayList<>(lines);
    }

    /** "@java.lang.Deprecated " for a member deprecated as in KNIME (the list records deprecations too). */
    private static String deprecation(final AnnotatedElement e) {
        return e.isAnnotationPresent(Deprecated.class) ? "@java.lang.Deprecated " : "";
    }

    private static boolean isApi(final Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!isApi(k.getModifiers()) && !(k.getEnclosingClass() != null && k.getEnclosingClass().isInterface())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isApi(final int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static String typeLine(final Class<?> c) {
        StringBuilder b = new StringBuilder(c.getName()).append(" :: ").append(deprecation(c)).append(c.toGenericString());
        Type sup = c.getGenericSuperclass();
        if (sup != null && sup != Object.class) {
            b.append(" extends ").append(sup.getTypeName());
        }
        Type[] ifs = c.getGenericInterfaces();
        if (ifs.length > 0) {
            b.append(c.isInterface() ? " extends " : " implements ");
            b.append(Stream.of(ifs).map(Type::getTypeName).collect(Collectors.joining(", ")));
        }
        return b.toString();
    }
}
