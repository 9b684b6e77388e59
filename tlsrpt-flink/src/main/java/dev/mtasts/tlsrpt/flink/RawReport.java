package dev.mtasts.tlsrpt.flink;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One input as it arrived: where it came from and its bytes, a plain RFC 8460 JSON report, a
 * gzip-compressed one (RFC 8460 §5.3 names both), or a report mail (RFC 5322, §5.3), told apart
 * by content.
 *
 * @param source where the input came from (a file path, a queue offset), for messages
 * @param bytes the content (copied in and out)
 */
// The array is copied in and out, and equals/hashCode/toString are written for its content.
@SuppressWarnings("ArrayRecordComponent")
public record RawReport(String source, byte[] bytes) {

  /**
   * Checks and copies the components.
   *
   * @param source the {@code source} component
   * @param bytes the {@code bytes} component
   */
  public RawReport {
    Objects.requireNonNull(source, "source");
    bytes = bytes.clone();
  }

  /**
   * Returns a copy of the content.
   *
   * @return the bytes
   */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Returns the content without a copy, for the decoder, which only reads it. */
  byte[] content() {
    return bytes;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof RawReport r && r.source.equals(source) && Arrays.equals(r.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return source.hashCode() * 31 + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "RawReport[" + source + ", " + bytes.length + " bytes]";
  }
}
