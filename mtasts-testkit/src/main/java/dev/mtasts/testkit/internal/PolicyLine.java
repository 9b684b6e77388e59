package dev.mtasts.testkit.internal;

/**
 * One line of a policy file as written, in parts, so mutations can change one part.
 *
 * @param key the key
 * @param afterColon the whitespace after the colon
 * @param value the value
 * @param trailing whitespace after the value
 * @param end the line terminator, empty on a last line without one
 */
public record PolicyLine(String key, String afterColon, String value, String trailing, String end) {
  /**
   * Returns the line as text.
   *
   * @return key, colon, whitespace, value, trailing whitespace and terminator
   */
  public String text() {
    return key + ":" + afterColon + value + trailing + end;
  }

  /**
   * Returns a copy with another key.
   *
   * @param k the key
   * @return the line
   */
  public PolicyLine withKey(String k) {
    return new PolicyLine(k, afterColon, value, trailing, end);
  }

  /**
   * Returns a copy with another value.
   *
   * @param v the value
   * @return the line
   */
  public PolicyLine withValue(String v) {
    return new PolicyLine(key, afterColon, v, trailing, end);
  }

  /**
   * Returns a copy with another terminator.
   *
   * @param e the terminator
   * @return the line
   */
  public PolicyLine withEnd(String e) {
    return new PolicyLine(key, afterColon, value, trailing, e);
  }
}
