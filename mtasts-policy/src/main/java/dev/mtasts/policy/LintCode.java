package dev.mtasts.policy;

/** Stable codes of {@link PolicyLint} findings. */
public enum LintCode implements ProblemCode {
  /** Testing or enforce with {@code max_age} under one day (86400 s): senders re-fetch often and lose protection quickly (RFC 8461 §10.2). */
  MAX_AGE_UNDER_ONE_DAY,
  /** Testing or enforce with {@code max_age} under one week (604800 s), the commonly recommended minimum. */
  MAX_AGE_UNDER_ONE_WEEK,
  /** Mode {@code none} still lists {@code mx} patterns; senders ignore them. */
  NONE_WITH_MX,
  /** Mode {@code none} with {@code max_age} above one day: turning MTA-STS off is usually published with max_age 86400 (RFC 8461 §8.3). */
  NONE_MAX_AGE_ABOVE_ONE_DAY,
  /** The same pattern appears more than once. */
  DUPLICATE_MX,
  /** An exact pattern already covered by a wildcard in the same policy ({@code mx1.example.com} beside {@code *.example.com}). */
  SHADOWED_MX,
  /** One of the domain's MX hosts is covered by no pattern: with enforce, mail to it is refused. */
  MX_HOST_NOT_COVERED,
  /** A pattern covers none of the domain's MX hosts. */
  MX_PATTERN_UNUSED,
  /** An extension key equals a registered key in other letter case ({@code Mode}); it is not read as that key. */
  EXTENSION_LOOKS_LIKE_FIELD
}
