package dev.mtasts.tlsrpt.internal.json;

import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * Jackson's {@link StreamWriteConstraints} whose nesting check names its limit, like {@link
 * ReadConstraints}: the readers copy unknown members through a generator, and a member nested
 * deeper than the generator allows is then {@link ReadConstraints.Limit#NESTING_DEPTH}, whatever
 * Jackson's message says.
 */
public final class WriteConstraints extends StreamWriteConstraints {
  private static final long serialVersionUID = 1L;

  private WriteConstraints(StreamWriteConstraints c) {
    super(c.getMaxNestingDepth());
  }

  /**
   * Returns constraints with the limits of {@code c} whose violations name their limit.
   *
   * @param c the limits
   * @return the typed constraints
   */
  public static WriteConstraints of(StreamWriteConstraints c) {
    return c instanceof WriteConstraints w ? w : new WriteConstraints(c);
  }

  @Override
  public void validateNestingDepth(int depth) throws StreamConstraintsException {
    try {
      super.validateNestingDepth(depth);
    } catch (StreamConstraintsException e) {
      throw new ReadConstraints.LimitExceeded(ReadConstraints.Limit.NESTING_DEPTH, e);
    }
  }
}
