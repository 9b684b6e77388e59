package dev.mtasts.tlsrpt.mail;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Locates the shared corpus (system property {@code mtasts.corpus.dir}) and reads in place which
 * extracted attachment belongs to which {@code .eml}, from SOURCES.md; skips when absent.
 */
final class Corpus {

  private static final Pattern SECTION = Pattern.compile("^### `([^`]+)`$");
  private static final Pattern FIELD = Pattern.compile("^\\* (repository|path|obtained as): (.*)$");
  private static final Pattern ORIGINAL = Pattern.compile("original filename '([^']+)'");

  private Corpus() {}

  /** One SOURCES.md entry. */
  record Entry(String file, String repository, String path, String obtainedAs) {}

  static Path dir() {
    String dir = System.getProperty("mtasts.corpus.dir");
    assumeTrue(dir != null, "system property mtasts.corpus.dir is not set");
    Path p = Path.of(dir);
    assumeTrue(Files.isDirectory(p.resolve("tlsrpt/eml")), "corpus folder " + p + " has no tlsrpt/eml");
    return p;
  }

  static List<Path> emls() {
    try (Stream<Path> s = Files.list(dir().resolve("tlsrpt/eml"))) {
      return s.filter(f -> f.getFileName().toString().endsWith(".eml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Entry> sources() {
    Path md = dir().resolve("SOURCES.md");
    assumeTrue(Files.isRegularFile(md), "no SOURCES.md");
    Map<String, Entry> out = new LinkedHashMap<>();
    try {
      String file = null;
      Map<String, String> fields = new LinkedHashMap<>();
      List<String> lines = new ArrayList<>(Files.readAllLines(md, StandardCharsets.UTF_8));
      lines.add("### `end`");
      for (String line : lines) {
        Matcher m = SECTION.matcher(line);
        if (m.matches()) {
          if (file != null && fields.size() == 3) {
            out.put(file, new Entry(file, fields.get("repository"), fields.get("path"),
                fields.get("obtained as")));
          }
          file = m.group(1);
          fields.clear();
          continue;
        }
        Matcher f = FIELD.matcher(line);
        if (f.matches()) {
          fields.put(f.group(1), f.group(2).replace("`", ""));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The extracted attachment of an e-mail, as SOURCES.md records it, if there is one. */
  static Optional<Entry> extractedFrom(Map<String, Entry> sources, String emlFile) {
    Entry eml = sources.get(emlFile);
    if (eml == null) {
      return Optional.empty();
    }
    return sources.values().stream()
        .filter(e -> !e.file().equals(emlFile))
        .filter(e -> e.repository().equals(eml.repository()) && e.path().equals(eml.path()))
        .filter(e -> e.obtainedAs().startsWith("base64-decoded MIME attachment"))
        .findFirst();
  }

  static Optional<String> originalFileName(Entry extracted) {
    Matcher m = ORIGINAL.matcher(extracted.obtainedAs());
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
