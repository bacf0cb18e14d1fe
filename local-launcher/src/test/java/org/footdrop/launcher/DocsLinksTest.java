package org.footdrop.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.footdrop.stack.RepositoryRoot;
import org.junit.jupiter.api.Test;

/**
 * The repository's Markdown is its documentation (see CONTRIBUTING.md, "Documentation checks"):
 * every relative link resolves to a file or directory inside the repository, and to a heading of the
 * target when it names one; and the README's Quick start is the two commands the launcher script and
 * CI actually run.
 */
class DocsLinksTest {

    /** {@code [text](target)} or {@code ![alt](target "title")}; the target without spaces. */
    private static final Pattern INLINE_LINK =
            Pattern.compile("!?\\[[^\\]]*]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** A reference definition: {@code [label]: target}. */
    private static final Pattern REFERENCE_DEFINITION =
            Pattern.compile("^\\s{0,3}\\[[^\\]]+]:\\s*<?(\\S+?)>?(?:\\s.*)?$");

    private static final Pattern CODE_SPAN = Pattern.compile("`+[^`]*`+");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

    private final Path root =
            RepositoryRoot.of(DocsLinksTest.class).toAbsolutePath().normalize();

    @Test
    void shouldResolveEveryRelativeLinkInsideTheRepository() throws IOException {
        // given every Markdown file of the repository
        List<Path> documents = markdownFiles();
        assertThat(documents).contains(root.resolve("README.md"), root.resolve("CONTRIBUTING.md"));

        // when each relative link is resolved
        List<String> broken = new ArrayList<>();
        Map<Path, Set<String>> anchorsByFile = new HashMap<>();
        for (Path document : documents) {
            for (String target : links(document)) {
                String problem = check(document, target, anchorsByFile);
                if (problem != null) {
                    broken.add(root.relativize(document) + ": (" + target + ") " + problem);
                }
            }
        }

        // then none is broken and none leaves the repository
        assertThat(broken).as("links that do not resolve inside the repository").isEmpty();
    }

    @Test
    void shouldKeepTheQuickStartToTheCommandsTheLauncherAndCiRun() throws IOException {
        // given the README's Quick start block
        List<String> readme = Files.readAllLines(root.resolve("README.md"), StandardCharsets.UTF_8);
        int heading = readme.indexOf("## Quick start");
        assertThat(heading).as("a '## Quick start' heading in README.md").isNotNegative();
        int fence = heading + 1;
        while (fence < readme.size() && readme.get(fence).isBlank()) {
            fence++;
        }
        assertThat(readme.get(fence)).as("the Quick start opens a sh block").isEqualTo("```sh");
        int close = readme.subList(fence + 1, readme.size()).indexOf("```") + fence + 1;
        List<String> commands = readme.subList(fence + 1, close);

        // then it is exactly: start the system (with the demo clinic, so a newcomer sees data), then run every test
        assertThat(commands).containsExactly("./run-local.sh --demo", "./mvnw -B verify");

        // and the first is the launcher script, which starts the launcher's jar
        Path runLocal = root.resolve("run-local.sh");
        assertThat(runLocal).isRegularFile();
        assertThat(Files.isExecutable(runLocal))
                .as("run-local.sh is executable")
                .isTrue();
        assertThat(Files.readString(runLocal)).contains("local-launcher/target/local-launcher.jar");

        // and the second is what CI runs, as its own command line
        List<String> ci = Files.readAllLines(root.resolve(".ci/run"), StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        assertThat(ci).contains("./mvnw -B verify");
    }

    /** The heading anchors GitHub makes: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
    static Set<String> anchors(List<String> lines) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean inFence = false;
        for (String line : lines) {
            if (isFence(line)) {
                inFence = !inFence;
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (inFence || !heading.matches()) {
                continue;
            }
            String slug = heading.group(1)
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N}\\s_-]", "")
                    .replace(' ', '-');
            int count = seen.merge(slug, 1, Integer::sum);
            anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
        }
        return anchors;
    }

    private String check(Path document, String target, Map<Path, Set<String>> anchorsByFile) {
        if (SCHEME.matcher(target).matches()) {
            return target.startsWith("file:") ? "a file: link points outside the repository" : null;
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty()
                ? document
                : (file.startsWith("/")
                                ? root.resolve(file.substring(1))
                                : document.getParent().resolve(file))
                        .normalize();
        if (!resolved.startsWith(root)) {
            return "points outside the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (anchor != null
                && !anchor.isEmpty()
                && resolved.getFileName().toString().endsWith(".md")) {
            Set<String> anchors = anchorsByFile.computeIfAbsent(resolved, DocsLinksTest::anchorsOf);
            if (!anchors.contains(anchor)) {
                return "no heading with the anchor #" + anchor;
            }
        }
        return null;
    }

    private static Set<String> anchorsOf(Path file) {
        try {
            return anchors(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The link targets of a document, outside fenced blocks and code spans. */
    static List<String> links(Path document) throws IOException {
        List<String> targets = new ArrayList<>();
        boolean inFence = false;
        for (String line : Files.readAllLines(document, StandardCharsets.UTF_8)) {
            if (isFence(line)) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            String text = CODE_SPAN.matcher(line).replaceAll("");
            Matcher inline = INLINE_LINK.matcher(text);
            while (inline.find()) {
                targets.add(inline.group(1));
            }
            Matcher reference = REFERENCE_DEFINITION.matcher(text);
            if (reference.matches()) {
                targets.add(reference.group(1));
            }
        }
        return targets;
    }

    private static boolean isFence(String line) {
        String stripped = line.stripLeading();
        return stripped.startsWith("```") || stripped.startsWith("~~~");
    }

    /** Every *.md under the root, outside build output, installed packages and hidden directories. */
    private List<Path> markdownFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean skipped = !dir.equals(root)
                        && (name.equals("target") || name.equals("node_modules") || name.startsWith("."));
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (file.getFileName().toString().endsWith(".md")) {
                    files.add(file.toAbsolutePath().normalize());
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }
}
