package dev.mtasts.policy.internal;

import dev.mtasts.policy.MxPattern;
import java.util.AbstractList;
import java.util.Collection;
import java.util.Objects;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * The immutable {@code mx} list of a policy, which also carries the policy's {@link MxIndex}: a
 * policy is a record, so the index lives with the list. Equal to any list with the same patterns
 * in the same order ({@link java.util.List#equals}); rejects nulls and every modification, as
 * {@link java.util.List#copyOf} does.
 */
public final class MxPatternList extends AbstractList<MxPattern> implements RandomAccess {
  private static final MxPattern[] NONE = new MxPattern[0];
  private static final MxPatternList EMPTY = new MxPatternList(NONE, 0);

  private final MxPattern[] patterns;
  private final int size;
  // Built on the first match. A racing thread may build a second, equal index: both are
  // immutable with final fields, so any one seen is complete (JLS §17.5).
  private @Nullable MxIndex index;

  private MxPatternList(MxPattern[] patterns, int size) {
    this.patterns = patterns;
    this.size = size;
  }

  /**
   * Returns an immutable copy of the patterns, or the list itself when it is one already.
   *
   * @param patterns the patterns in order
   * @return the list
   * @throws NullPointerException if the collection or one of its elements is null
   */
  public static MxPatternList copyOf(Collection<MxPattern> patterns) {
    if (patterns instanceof MxPatternList list) {
      return list;
    }
    Object[] array = patterns.toArray();
    if (array.length == 0) {
      return EMPTY;
    }
    MxPattern[] copy = new MxPattern[array.length];
    for (int i = 0; i < array.length; i++) {
      copy[i] = (MxPattern) Objects.requireNonNull(array[i], "mx pattern");
    }
    return new MxPatternList(copy, copy.length);
  }

  /**
   * Takes over an array filled by the parser, without copying it: the caller must not keep or
   * change it.
   *
   * @param patterns the patterns, the first {@code size} of them non-null
   * @param size how many of the array's elements belong to the list
   * @return the list
   */
  public static MxPatternList adopt(MxPattern[] patterns, int size) {
    return size == 0 ? EMPTY : new MxPatternList(patterns, size);
  }

  @Override
  public MxPattern get(int index) {
    Objects.checkIndex(index, size);
    return patterns[index];
  }

  @Override
  public int size() {
    return size;
  }

  /**
   * Tells whether a pattern covers the host, through the index; see {@link MxIndex#match}.
   *
   * @param host a host name
   * @return {@link MxIndex#MATCH}, {@link MxIndex#NO_MATCH} or {@link MxIndex#NOT_ASCII}
   */
  public int match(String host) {
    MxIndex i = index;
    if (i == null) {
      i = MxIndex.of(this);
      index = i;
    }
    return i.match(host);
  }
}
