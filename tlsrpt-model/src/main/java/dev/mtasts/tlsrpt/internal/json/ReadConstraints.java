package dev.mtasts.tlsrpt.internal.json;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * Jackson's {@link StreamReadConstraints} whose violations say which limit was broken: each check
 * rethrows Jackson's exception as a {@link LimitExceeded} carrying its {@link Limit}, so that a
 * reader classifies a too-long member name as a name, not by finding the word "String" in the
 * message (Jackson's wording is not an API and changes between versions).
 */
public final class ReadConstraints extends StreamReadConstraints {
  private static final long serialVersionUID = 1L;

  /** The limits Jackson enforces while it reads. */
  public enum Limit {
    /** Arrays and objects nested deeper than allowed. */
    NESTING_DEPTH,
    /** More input than the document may have. */
    DOCUMENT_LENGTH,
    /** More tokens than the document may have. */
    TOKEN_COUNT,
    /** A number with more characters than allowed (integer or floating point). */
    NUMBER_LENGTH,
    /** A string value longer than allowed. */
    STRING_LENGTH,
    /** A member name longer than allowed. */
    NAME_LENGTH,
    /** A number whose exponent is beyond the allowed scale. */
    BIG_INTEGER_SCALE
  }

  /** A {@link StreamConstraintsException} that names the limit broken. */
  public static final class LimitExceeded extends StreamConstraintsException {
    private static final long serialVersionUID = 1L;

    /** The limit broken. */
    private final Limit limit;

    LimitExceeded(Limit limit, StreamConstraintsException e) {
      // Jackson's exception has no cause and a location of its own: both carry over as they are.
      super(e.getOriginalMessage(), e.getLocation());
      this.limit = limit;
      setStackTrace(e.getStackTrace());
    }

    /**
     * Returns the limit broken.
     *
     * @return the limit
     */
    public Limit limit() {
      return limit;
    }
  }

  private ReadConstraints(StreamReadConstraints c) {
    super(c.getMaxNestingDepth(), c.getMaxDocumentLength(), c.getMaxNumberLength(),
        c.getMaxStringLength(), c.getMaxNameLength(), c.getMaxTokenCount());
  }

  /**
   * Returns constraints with the limits of {@code c} whose violations name their limit.
   *
   * @param c the limits
   * @return the typed constraints
   */
  public static ReadConstraints of(StreamReadConstraints c) {
    return c instanceof ReadConstraints r ? r : new ReadConstraints(c);
  }

  @Override
  public void validateNestingDepth(int depth) throws StreamConstraintsException {
    try {
      super.validateNestingDepth(depth);
    } catch (StreamConstraintsException e) {
      throw new LimitExceeded(Limit.NESTING_DEPTH, e);
    }
  }

  @Override
  public void validateDocumentLength(long len) throws StreamConstraintsException {
    try {
      super.validateDocumentLength(len);
    } catch (StreamConstraintsException e) {
      throw new LimitExceeded(Limit.DOCUMENT_LENGTH, e);
    }
  }

  @Override
  public void validateTokenCount(long count) throws StreamConstraintsException {
    try {
      super.validateTokenCount(count);
    } catch (StreamConstraintsException e) {
      throw new LimitExceeded(Limit.TOKEN_COUNT, e);
    }
  }

  @Override
  public void validateFPLength(int length) throws StreamConstraintsException {
    try {
      super.validateFPLength(length);
    } catch (StreamConstraintsException e) {
      throw new LimitExceeded(Limit.NUMBER_LENGTH, e);
    }
  }

  @Override
  public void validateIntegerLength(int length) throws StreamConstraintsException {
    try {
      super.validateIntegerLength(length);
    } catch (StreamConstraintsException e) {
      throw new LimitExceeded(Limit.NUMBER_LENGTH, e);
    }
  }

  @Override
  public void validateStringLength(int length) throws StreamConstraintsException {
    try {
      super.validateStringLength(length);
    } catch (StreamConstraintsException e) {
      throw new LimitExceeded(Limit.STRING_LENGTH, e);
    }
  }

  @Override
  public void validateNameLength(int length) throws StreamConstraintsException {
    try {
      super.validateNameLength(length);
    } catch (StreamConstraintsException e) {
      throw new LimitExceeded(Limit.NAME_LENGTH, e);
    }
  }

  @Override
  public void validateBigIntegerScale(int scale) throws StreamConstraintsException {
    try {
      super.validateBigIntegerScale(scale);
    } catch (StreamConstraintsException e) {
      throw new LimitExceeded(Limit.BIG_INTEGER_SCALE, e);
    }
  }
}
