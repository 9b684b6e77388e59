package dev.mtasts.benchmarks.data;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The real-world TLS-RPT reports of the shared corpus, read in place (never copied into the
 * repository). The folder comes from the system property {@code mtasts.corpus.dir}, else the
 * environment variable {@code MTASTS_CORPUS_DIR}; {@code bench/run} sets the property.
 */
public final class Corpus {

  /** The system property naming the corpus folder (the one holding {@code tlsrpt/}). */
  public static final String PROPERTY = "mtasts.corpus.dir";

  private Corpus() {}

  /**
   * A corpus report.
   *
   * @param name the file name
   * @param json the report's JSON, decompressed if the file is gzip
   */
  public record Report(String name, byte[] json) {}

  /**
   * Returns the {@code tlsrpt/} folder of the corpus when it exists.
   *
   * @return the folder, or empty when the corpus is not there
   */
  public static Optional<Path> tlsrptDir() {
    String dir = System.getProperty(PROPERTY);
    if (dir == null || dir.isEmpty()) {
      dir = System.getenv("MTASTS_CORPUS_DIR");
    }
    if (dir == null || dir.isEmpty()) {
      return Optional.empty();
    }
    Path tlsrpt = Path.of(dir, "tlsrpt");
    return Files.isDirectory(tlsrpt) ? Optional.of(tlsrpt) : Optional.empty();
  }

  /**
   * Reads every {@code .json} and {@code .json.gz} report of the corpus (not the {@code eml/}
   * folder), sorted by name, gzip files decompressed.
   *
   * @return the reports; empty when the corpus is not there
   */
  public static List<Report> reports() {
    Optional<Path> dir = tlsrptDir();
    if (dir.isEmpty()) {
      return List.of();
    }
    List<Report> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir.get())) {
      for (Path p : files.sorted().toList()) {
        String name = p.getFileName().toString();
        if (name.endsWith(".json")) {
          out.add(new Report(name, Files.readAllBytes(p)));
        } else if (name.endsWith(".json.gz")) {
          out.add(new Report(name, gunzip(Files.readAllBytes(p))));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * Compresses bytes with gzip at the default level, as senders do.
   *
   * @param data the bytes
   * @return the gzip stream
   */
  public static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Decompresses a gzip stream.
   *
   * @param gz the gzip bytes
   * @return the decompressed bytes
   */
  public static byte[] gunzip(byte[] gz) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
