package org.mrisr.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Engine messages speak of the engine's parameters ("patch size", "factor"), never of command-line
 * flags: the nodes show the same messages, and the CLI translates parameters to its flags.
 */
class EngineNamesNoFlagsTest {
    private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\\\n])*\"");
    private static final Pattern FLAG = Pattern.compile("(?<![\\w-])--[a-z]");
    /** Known, owned by the srgan packages' engineers and reported to them; remove once fixed. */
    private static final Set<String> PENDING = Set.of("srgan/train/DegradedPatchSource.java", "srgan/train/WarmStart.java");

    static List<String> flagsIn(String source) {
        List<String> found = new ArrayList<>();
        Matcher s = STRING.matcher(COMMENT.matcher(source).replaceAll(""));
        while (s.find()) {
            if (FLAG.matcher(s.group()).find()) {
                found.add(s.group());
            }
        }
        return found;
    }

    @Test
    void engineStringsNameNoFlags() throws IOException {
        Path engine = EngineLayeringTest.engine();
        List<String> bad = new ArrayList<>();
        try (Stream<Path> files = Files.walk(engine)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String rel = engine.relativize(f).toString();
                if (!PENDING.contains(rel)) {
                    flagsIn(Files.readString(f)).forEach(s -> bad.add(rel + ": " + s));
                }
            }
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void detectorSeesFlagsInStringsOnly() {
        assertEquals(List.of("\"; use a smaller --patch\""),
                flagsIn("// --factor\n/** --blocks */ String a = \"; use a smaller --patch\"; String b = \"x--y\" + \"sigma-mm\";"));
    }
}
