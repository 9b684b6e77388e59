package dev.mtasts.benchmarks.data;

import dev.mtasts.benchmarks.baseline.BaselineReportReader;
import dev.mtasts.policy.MtaStsException;
import dev.mtasts.tlsrpt.TlsRptReader;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;

/**
 * The document sets of the report-reading benchmarks, by the name their {@code reportSet}
 * parameter uses: {@value #CORPUS} (every report of the shared corpus) and {@value #LARGE} (the
 * synthetic report with 10,000 failure details).
 */
public final class ReportSets {

  /** Every {@code .json} and {@code .json.gz} report of {@code corpus/tlsrpt}, decompressed. */
  public static final String CORPUS = "corpus";

  /** {@link ReportData#largeReport()}. */
  public static final String LARGE = "large";

  private ReportSets() {}

  /**
   * Returns the plain JSON documents of a set. Corpus reports that either reader refuses (the
   * corpus holds deliberately broken ones) are left out, so both sides read the same documents.
   *
   * @param name {@value #CORPUS} or {@value #LARGE}
   * @return the documents
   * @throws IllegalStateException when the set is the corpus and the corpus is not there
   * @throws IllegalArgumentException when the name is unknown
   */
  public static List<byte[]> plain(String name) {
    switch (name) {
      case LARGE:
        return List.of(ReportData.largeReport().toJsonBytes());
      case CORPUS:
        List<Corpus.Report> reports = Corpus.reports();
        if (reports.isEmpty()) {
          throw new IllegalStateException(
              "no corpus: set -D" + Corpus.PROPERTY + " or MTASTS_CORPUS_DIR to the folder"
                  + " holding tlsrpt/, or run with -p reportSet=" + LARGE);
        }
        BaselineReportReader baseline = new BaselineReportReader();
        List<byte[]> out = new ArrayList<>();
        for (Corpus.Report r : reports) {
          try {
            TlsRptReader.lenient().read(r.json());
            baseline.read(r.json());
            out.add(r.json());
          } catch (MtaStsException | UncheckedIOException | DateTimeException e) {
            // Deliberately broken corpus files are not part of a speed measurement.
          }
        }
        return out;
      default:
        throw new IllegalArgumentException("unknown report set " + name);
    }
  }

  /**
   * Returns the same documents as {@link #plain(String)}, each gzip-compressed.
   *
   * @param name {@value #CORPUS} or {@value #LARGE}
   * @return the gzip streams
   */
  public static List<byte[]> gzip(String name) {
    List<byte[]> out = new ArrayList<>();
    for (byte[] json : plain(name)) {
      out.add(Corpus.gzip(json));
    }
    return out;
  }

  /**
   * Returns the total size of the plain documents of a set, the figure MB/s is computed from.
   *
   * @param name {@value #CORPUS} or {@value #LARGE}
   * @return the bytes of JSON in one pass over the set
   */
  public static long jsonBytes(String name) {
    long total = 0;
    for (byte[] json : plain(name)) {
      total += json.length;
    }
    return total;
  }
}
