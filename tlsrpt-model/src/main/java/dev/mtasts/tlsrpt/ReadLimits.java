package dev.mtasts.tlsrpt;

/**
 * Limits that keep hostile reports cheap to refuse. Real reports are a few kilobytes; the
 * defaults leave ample room.
 *
 * @param maxDocumentBytes the largest plain JSON document, and the largest decompressed (and
 *     compressed) size of gzip input, in bytes (default 16 MiB)
 * @param maxNestingDepth the deepest nesting of arrays and objects (default 64; a report needs 5)
 * @param maxStringLength the longest string value, in characters (default 1 MiB)
 * @param maxNumberLength the longest number, in characters (default 32)
 * @param maxNameLength the longest member name, in characters (default 1024)
 * @param maxGzipMembers the most members a gzip input may have (RFC 1952 §2.2; default 16: a
 *     sender writes one, concatenated files have a few; thousands of empty members are an attack)
 * @param maxGzipHeaderFieldBytes the longest FEXTRA, FNAME or FCOMMENT field of a gzip header
 *     (RFC 1952 §2.3.1), in bytes (default 1024: a report's file name, RFC 8460 §5.1, is well
 *     under 600 bytes)
 */
public record ReadLimits(
    long maxDocumentBytes,
    int maxNestingDepth,
    int maxStringLength,
    int maxNumberLength,
    int maxNameLength,
    int maxGzipMembers,
    int maxGzipHeaderFieldBytes) {

  /** The default limits. */
  public static final ReadLimits DEFAULT =
      new ReadLimits(16L << 20, 64, 1 << 20, 32, 1024, 16, 1024);

  /**
   * Checks the limits.
   *
   * @param maxDocumentBytes the {@code maxDocumentBytes} component
   * @param maxNestingDepth the {@code maxNestingDepth} component
   * @param maxStringLength the {@code maxStringLength} component
   * @param maxNumberLength the {@code maxNumberLength} component
   * @param maxNameLength the {@code maxNameLength} component
   * @param maxGzipMembers the {@code maxGzipMembers} component
   * @param maxGzipHeaderFieldBytes the {@code maxGzipHeaderFieldBytes} component
   * @throws IllegalArgumentException when a limit is not positive or the document limit is 2 GiB
   * or more
   */
  public ReadLimits {
    if (maxDocumentBytes < 1 || maxDocumentBytes > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("maxDocumentBytes out of range: " + maxDocumentBytes);
    }
    if (maxNestingDepth < 1 || maxStringLength < 1 || maxNumberLength < 1 || maxNameLength < 1) {
      throw new IllegalArgumentException("limits must be positive: " + maxNestingDepth + ", "
          + maxStringLength + ", " + maxNumberLength + ", " + maxNameLength);
    }
    if (maxGzipMembers < 1 || maxGzipHeaderFieldBytes < 1) {
      throw new IllegalArgumentException("gzip limits must be positive: " + maxGzipMembers + ", "
          + maxGzipHeaderFieldBytes);
    }
  }

  /**
   * Returns these limits with another document size limit.
   *
   * @param bytes the new limit
   * @return the limits
   */
  public ReadLimits withMaxDocumentBytes(long bytes) {
    return new ReadLimits(bytes, maxNestingDepth, maxStringLength, maxNumberLength,
        maxNameLength, maxGzipMembers, maxGzipHeaderFieldBytes);
  }

  /**
   * Returns these limits with another nesting limit.
   *
   * @param depth the new limit
   * @return the limits
   */
  public ReadLimits withMaxNestingDepth(int depth) {
    return new ReadLimits(maxDocumentBytes, depth, maxStringLength, maxNumberLength,
        maxNameLength, maxGzipMembers, maxGzipHeaderFieldBytes);
  }

  /**
   * Returns these limits with another string length limit.
   *
   * @param length the new limit
   * @return the limits
   */
  public ReadLimits withMaxStringLength(int length) {
    return new ReadLimits(maxDocumentBytes, maxNestingDepth, length, maxNumberLength,
        maxNameLength, maxGzipMembers, maxGzipHeaderFieldBytes);
  }

  /**
   * Returns these limits with another number length limit.
   *
   * @param length the new limit
   * @return the limits
   */
  public ReadLimits withMaxNumberLength(int length) {
    return new ReadLimits(maxDocumentBytes, maxNestingDepth, maxStringLength, length, maxNameLength,
        maxGzipMembers, maxGzipHeaderFieldBytes);
  }

  /**
   * Returns these limits with another member name length limit.
   *
   * @param length the new limit, in characters
   * @return the limits
   */
  public ReadLimits withMaxNameLength(int length) {
    return new ReadLimits(maxDocumentBytes, maxNestingDepth, maxStringLength, maxNumberLength,
        length, maxGzipMembers, maxGzipHeaderFieldBytes);
  }

  /**
   * Returns these limits with another bound on the number of gzip members.
   *
   * @param members the new limit
   * @return the limits
   */
  public ReadLimits withMaxGzipMembers(int members) {
    return new ReadLimits(maxDocumentBytes, maxNestingDepth, maxStringLength, maxNumberLength,
        maxNameLength, members, maxGzipHeaderFieldBytes);
  }

  /**
   * Returns these limits with another bound on the FEXTRA, FNAME and FCOMMENT gzip header fields.
   *
   * @param bytes the new limit
   * @return the limits
   */
  public ReadLimits withMaxGzipHeaderFieldBytes(int bytes) {
    return new ReadLimits(maxDocumentBytes, maxNestingDepth, maxStringLength, maxNumberLength,
        maxNameLength, maxGzipMembers, bytes);
  }
}
