package dev.mtasts.tlsrpt.mail;

/**
 * Limits that keep hostile mail cheap to refuse. Real report mails are 4 to 20 KiB with 2 or 3
 * parts nested 1 or 2 deep; the defaults leave ample room. The decompressed size of a report is
 * bounded by the report reader's {@link dev.mtasts.tlsrpt.ReadLimits}.
 *
 * @param maxMessageBytes the largest message, in bytes (default 25 MiB)
 * @param maxLineBytes the longest line, in bytes without its line end (default 1 MiB; RFC 5322
 *     §2.1.1 allows 998)
 * @param maxParts the most MIME parts in one message, counting every multipart and leaf (default
 *     100)
 * @param maxDepth the deepest nesting of multiparts (default 10; the message itself is depth 0)
 */
public record MailLimits(long maxMessageBytes, int maxLineBytes, int maxParts, int maxDepth) {

  /** The default limits. */
  public static final MailLimits DEFAULT = new MailLimits(25L << 20, 1 << 20, 100, 10);

  /**
   * Checks the limits.
   *
   * @param maxMessageBytes the {@code maxMessageBytes} component
   * @param maxLineBytes the {@code maxLineBytes} component
   * @param maxParts the {@code maxParts} component
   * @param maxDepth the {@code maxDepth} component
   * @throws IllegalArgumentException when a limit is not positive or the message limit is 2 GiB or
   *     more
   */
  public MailLimits {
    if (maxMessageBytes < 1 || maxMessageBytes > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("maxMessageBytes out of range: " + maxMessageBytes);
    }
    if (maxLineBytes < 1 || maxParts < 1 || maxDepth < 1) {
      throw new IllegalArgumentException(
          "limits must be positive: " + maxLineBytes + ", " + maxParts + ", " + maxDepth);
    }
  }

  /**
   * Returns these limits with another message size limit.
   *
   * @param bytes the new limit
   * @return the limits
   */
  public MailLimits withMaxMessageBytes(long bytes) {
    return new MailLimits(bytes, maxLineBytes, maxParts, maxDepth);
  }

  /**
   * Returns these limits with another line length limit.
   *
   * @param bytes the new limit
   * @return the limits
   */
  public MailLimits withMaxLineBytes(int bytes) {
    return new MailLimits(maxMessageBytes, bytes, maxParts, maxDepth);
  }

  /**
   * Returns these limits with another part count limit.
   *
   * @param parts the new limit
   * @return the limits
   */
  public MailLimits withMaxParts(int parts) {
    return new MailLimits(maxMessageBytes, maxLineBytes, parts, maxDepth);
  }

  /**
   * Returns these limits with another nesting limit.
   *
   * @param depth the new limit
   * @return the limits
   */
  public MailLimits withMaxDepth(int depth) {
    return new MailLimits(maxMessageBytes, maxLineBytes, maxParts, depth);
  }
}
