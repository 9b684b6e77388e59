package dev.mtasts.policy;

import java.util.Locale;

/**
 * A stable code of the SDK: the code of a parse error or warning ({@link PolicyErrorCode}, {@code
 * RecordErrorCode}, {@code ReportErrorCode}, {@code MailErrorCode}, ...) and of the other things
 * the SDK reports with a code (lint findings, lifecycle refusals, summary warnings).
 *
 * <p>Every code type of the SDK is an enum implementing this interface. {@link #id()} is the one
 * text form tools print and log (the CLI prints it in text and in JSON): the constant's name in
 * lower case with {@code -} for {@code _}, such as {@code invalid-mode} for {@code INVALID_MODE}.
 * Ids never change between releases; compare codes as enum constants in Java and as ids outside.
 *
 * <pre>{@code
 * PolicyErrorCode.INVALID_MODE.id();   // "invalid-mode"
 * }</pre>
 */
public interface ProblemCode {
  /**
   * Returns the Java name of the constant, such as {@code INVALID_MODE} (implemented by {@link
   * Enum#name()}).
   *
   * @return the constant's name
   */
  String name();

  /**
   * Returns the stable text form of this code: the name in lower case with {@code -} for {@code
   * _}, for example {@code invalid-mode}.
   *
   * @return the id
   */
  default String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
