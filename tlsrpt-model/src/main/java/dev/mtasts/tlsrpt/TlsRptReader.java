package dev.mtasts.tlsrpt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.mtasts.policy.ParseResult;
import dev.mtasts.tlsrpt.internal.BoundedInput;
import dev.mtasts.tlsrpt.internal.GzipMembers;
import dev.mtasts.tlsrpt.internal.json.ReadConstraints;
import dev.mtasts.tlsrpt.internal.json.WriteConstraints;
import dev.mtasts.tlsrpt.internal.ReportJsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads TLS-RPT reports (RFC 8460 §4) from JSON or gzip-compressed JSON, in one streaming pass
 * with Jackson's core parser.
 *
 * <pre>{@code
 * ParseResult<TlsRptReport> r = TlsRptReader.lenient().read(Path.of("google.com!example.com!1778457600!1778543999!001.json.gz"));
 * TlsRptReport report = r.value();
 * r.warnings().forEach(w -> System.out.println(w.location() + " " + w.code().id() + ": " + w.message()));
 * }</pre>
 *
 * <p>{@link #lenient()} accepts what real senders send (string {@code mx-host}, {@code
 * contact-info: null}, date-times without offset, counts as strings, draft member names, ...),
 * each as a {@link dev.mtasts.policy.Warning} with its code and JSON path. {@link #strict()} accepts RFC 8460 only; it
 * still reads the RFC's own Appendix B (string {@code mx-host}, EID 6241) and keeps unknown
 * members. Both refuse anything over the {@link ReadLimits} with a {@link ReportParseException}.
 *
 * <p>An {@code sts} or {@code tlsa} policy needs its {@code policy-string}, and an {@code sts}
 * policy its {@code mx-host}, unless the policy result has failure details that are all
 * policy-stage failures ({@code sts-policy-fetch-error}, {@code sts-policy-invalid}, {@code
 * sts-webpki-invalid}, {@code tlsa-invalid}, {@code dnssec-invalid}, {@code dane-required}): the
 * strict reader refuses the absence, the lenient reader warns ({@link
 * ReportErrorCode#MISSING_FIELD}). Only the lenient reader decodes Microsoft's JSON-encoded TLSA
 * {@code policy-string} ({@link ReportErrorCode#POLICY_STRING_JSON_ENCODED} gives the rule).
 * Instances are immutable and thread-safe.
 */
public final class TlsRptReader {

  private static final TlsRptReader LENIENT = new TlsRptReader(false, ReadLimits.DEFAULT);
  private static final TlsRptReader STRICT = new TlsRptReader(true, ReadLimits.DEFAULT);

  private final boolean strict;
  private final ReadLimits limits;
  private final JsonFactory factory;

  private TlsRptReader(boolean strict, ReadLimits limits) {
    this.strict = strict;
    this.limits = limits;
    this.factory =
        new JsonFactoryBuilder()
            // Typed constraints: a broken limit is told by its kind, not by Jackson's wording.
            .streamReadConstraints(
                ReadConstraints.of(StreamReadConstraints.builder()
                    .maxNestingDepth(limits.maxNestingDepth())
                    .maxStringLength(limits.maxStringLength())
                    .maxNumberLength(limits.maxNumberLength())
                    .maxNameLength(limits.maxNameLength())
                    .maxDocumentLength(limits.maxDocumentBytes())
                    .build()))
            // Unknown members are copied through a generator: its depth limit is typed too.
            .streamWriteConstraints(WriteConstraints.of(StreamWriteConstraints.defaults()))
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            // Hostile content must not be echoed into exception messages.
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
  }

  /**
   * Returns the lenient reader with default limits: the right choice for reports from the wild.
   *
   * @return the reader
   */
  public static TlsRptReader lenient() {
    return LENIENT;
  }

  /**
   * Returns the strict reader with default limits: RFC 8460 only.
   *
   * @return the reader
   */
  public static TlsRptReader strict() {
    return STRICT;
  }

  /**
   * Returns a reader of the same mode with other limits.
   *
   * @param newLimits the limits
   * @return the reader
   */
  public TlsRptReader withLimits(ReadLimits newLimits) {
    return new TlsRptReader(strict, Objects.requireNonNull(newLimits, "newLimits"));
  }

  /**
   * Returns the limits in force.
   *
   * @return the limits
   */
  public ReadLimits limits() {
    return limits;
  }

  /**
   * Tells whether this is the lenient reader (as {@code PolicyParser.isLenient()} does).
   *
   * @return {@code true} for the lenient reader, {@code false} for the strict one (RFC 8460 only)
   */
  public boolean isLenient() {
    return !strict;
  }

  /**
   * Reads a report from bytes: UTF-8 JSON, or gzip (detected by its magic bytes 1F 8B).
   *
   * @param input the bytes
   * @return the report and the warnings
   * @throws ReportParseException when the input is not a report (in this mode) or over a limit
   */
  public ParseResult<TlsRptReport> read(byte[] input) {
    Objects.requireNonNull(input, "input");
    try {
      return parse(BoundedInput.json(input, limits));
    } catch (RuntimeException | StackOverflowError e) {
      throw unexpected(e);
    }
  }

  private ParseResult<TlsRptReport> parse(BoundedInput.Source json) {
    if (json instanceof GzipMembers gzip) {
      try (gzip) {
        return parseGzip(gzip);
      }
    }
    BoundedInput.Slice slice = (BoundedInput.Slice) json;
    try (JsonParser p = factory.createParser(slice.bytes(), 0, slice.length())) {
      return new ReportJsonReader(p, factory, strict).read();
    } catch (IOException e) {
      throw new ReportParseException(ReportErrorCode.MALFORMED_JSON, "$", String.valueOf(e.getMessage()), e);
    }
  }

  /**
   * Parses while inflating, then checks what the parser left (the trailer, further members). A
   * gzip problem anywhere in the input is the reason given, before any JSON problem, as when the
   * whole input was inflated before parsing.
   */
  private ParseResult<TlsRptReport> parseGzip(GzipMembers gzip) {
    ParseResult<TlsRptReport> result;
    try (JsonParser p = factory.createParser(gzip)) {
      result = new ReportJsonReader(p, factory, strict).read();
    } catch (IOException | ReportParseException e) {
      if (!gzip.failed()) {
        // Bounded by the same limits: at most maxDocumentBytes more are inflated.
        gzip.finish();
      }
      if (e instanceof ReportParseException rpe) {
        throw rpe;
      }
      throw new ReportParseException(ReportErrorCode.MALFORMED_JSON, "$", String.valueOf(e.getMessage()), e);
    }
    gzip.finish();
    return result;
  }

  /**
   * Keeps one input's failure to that input: a {@link ReportParseException} as it is, an
   * unforeseen exception (or a stack overflow, which ends only the thread's current work) as a
   * typed {@link ReportErrorCode#UNEXPECTED_FAILURE}, so that a caller reading many reports can
   * go on with the next one. Other errors (out of memory) concern the whole JVM and pass.
   */
  private static ReportParseException unexpected(Throwable e) {
    if (e instanceof ReportParseException rpe) {
      return rpe;
    }
    if (e instanceof java.io.UncheckedIOException io) {
      return new ReportParseException(
          ReportErrorCode.READ_FAILED, "$", "reading the report failed: " + java.util.Objects.requireNonNull(io.getCause()).getMessage(), e);
    }
    return new ReportParseException(
        ReportErrorCode.UNEXPECTED_FAILURE,
        "$",
        "the reader failed on this input instead of refusing it with a reason (a bug; please"
            + " report it with the file)",
        e);
  }

  /**
   * Reads a report from JSON text.
   *
   * @param json the text
   * @return the report and the warnings
   * @throws ReportParseException when the text is not a report (in this mode) or over a limit
   */
  public ParseResult<TlsRptReport> read(String json) {
    Objects.requireNonNull(json, "json");
    try {
      return parseText(json);
    } catch (RuntimeException | StackOverflowError e) {
      throw unexpected(e);
    }
  }

  private ParseResult<TlsRptReport> parseText(String json) {
    if (json.length() > limits.maxDocumentBytes()) {
      throw new ReportParseException(
          ReportErrorCode.INPUT_TOO_LARGE,
          "$",
          "the document exceeds the limit of " + limits.maxDocumentBytes() + " characters",
          null);
    }
    try (JsonParser p = factory.createParser(json)) {
      return new ReportJsonReader(p, factory, strict).read();
    } catch (IOException e) {
      throw new ReportParseException(ReportErrorCode.MALFORMED_JSON, "$", String.valueOf(e.getMessage()), e);
    }
  }

  /**
   * Reads a report from a stream (plain or gzip), reading no more than the limits allow. The
   * stream is not closed.
   *
   * @param in the stream
   * @return the report and the warnings
   * @throws ReportParseException when the input is not a report, over a limit, or unreadable
   */
  public ParseResult<TlsRptReport> read(InputStream in) {
    Objects.requireNonNull(in, "in");
    try {
      return parse(BoundedInput.json(in, limits));
    } catch (RuntimeException | StackOverflowError e) {
      throw unexpected(e);
    }
  }

  /**
   * Reads a report file ({@code .json} or {@code .json.gz}; the content decides, not the name).
   *
   * @param file the file
   * @return the report and the warnings
   * @throws ReportParseException when the file is not a report, over a limit, or unreadable
   */
  public ParseResult<TlsRptReport> read(Path file) {
    Objects.requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    } catch (IOException e) {
      throw new ReportParseException(
          ReportErrorCode.READ_FAILED, "$", "cannot read " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw unexpected(e);
    }
  }
}
