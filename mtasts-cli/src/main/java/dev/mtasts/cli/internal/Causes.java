package dev.mtasts.cli.internal;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.ZipException;

/**
 * Says in words what a failure of the JDK means, for the messages the CLI composes: never a class
 * name ({@code java.io.EOFException}) or an exception's {@code toString()}, which only {@code
 * --debug} shows (with the stack trace).
 */
public final class Causes {
  /** What a message must not carry to the user: Java class names and exception type names. */
  private static final Pattern JAVA_NAMES =
      Pattern.compile("\\b(?:java|javax|jdk|sun|com\\.fasterxml|org\\.xbill|picocli)\\.\\w"
          + "|\\w(?:Exception|Error)\\b");

  /** A Java class name in a message: qualified (JDK, dnsjava, Jackson) or an exception's simple name. */
  private static final Pattern CLASS_NAME =
      Pattern.compile("\\b(?:java|javax|jdk|sun|org\\.xbill|com\\.fasterxml)\\.(?:[a-z]\\w*\\.)*([A-Z]\\w*)"
          + "|\\b([A-Z][A-Za-z]*(?:Exception|Error))\\b");

  private Causes() {}

  /**
   * Returns a message from a library with every Java class name in it replaced by words: {@code
   * "network error: java.net.PortUnreachableException"} becomes {@code "network error: port
   * unreachable"}. The CLI applies it to every library message it prints (reasons of unreadable
   * reports, DNS failures, errors), so that no class name reaches the user whatever a library says.
   *
   * @param message the message
   * @return the message in words
   */
  public static String scrub(String message) {
    if (isPlainWords(message)) {
      return message;
    }
    java.util.regex.Matcher m = CLASS_NAME.matcher(message);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String simple = m.group(1) != null ? m.group(1) : m.group(2);
      m.appendReplacement(b, java.util.regex.Matcher.quoteReplacement(words(simple)));
    }
    m.appendTail(b);
    return b.toString();
  }

  private static String words(String simpleName) {
    return switch (simpleName) {
      case "EOFException" -> "the input ended early";
      case "PortUnreachableException" -> "port unreachable (nothing listens there)";
      case "SocketTimeoutException" -> "no answer in time";
      case "ConnectException" -> "connection refused";
      case "SocketException" -> "network error";
      case "UnknownHostException" -> "unknown host";
      case "ZipException" -> "not valid gzip";
      case "NoSuchFileException" -> "no such file";
      case "AccessDeniedException" -> "permission denied";
      case "IOException", "UncheckedIOException" -> "input/output error";
      case "StackOverflowError" -> "stack overflow";
      case "OutOfMemoryError" -> "out of memory";
      default -> "an error";
    };
  }

  /**
   * Returns what went wrong, in words: {@code "no such file"}, {@code "permission denied"}, {@code
   * "is a directory"}, {@code "the input ended early"}, {@code "the connection was reset by the other
   * side"}, and so on; for anything unexpected a sentence that points to {@code --debug}.
   *
   * @param failure what was thrown
   * @return the reason, without a class name
   */
  public static String describe(Throwable failure) {
    if (failure instanceof StackOverflowError) {
      return "it is nested or chained too deeply to read (stack overflow)";
    }
    if (failure instanceof OutOfMemoryError) {
      return "it needs more memory than the JVM has (java -Xmx... gives more)";
    }
    if (failure instanceof IOException io) {
      return io(io);
    }
    String message = failure.getMessage();
    if (message != null && !message.isBlank() && isPlainWords(message)) {
      return message;
    }
    return "an unexpected failure (a bug in mtasts: run again with --debug for the details,"
        + " and please report it)";
  }

  /**
   * Returns whether a message is free of Java class names and exception type names.
   *
   * @param message the message
   * @return whether it can be shown as it is
   */
  public static boolean isPlainWords(String message) {
    return !JAVA_NAMES.matcher(message).find();
  }

  private static String io(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemLoopException) {
      return "a loop of symbolic links";
    }
    if (e instanceof NotDirectoryException) {
      return "not a folder";
    }
    if (e instanceof FileSystemException fs) {
      // The message repeats the file name; the reason alone is the OS's words ("Is a directory").
      String reason = fs.getReason();
      return reason == null ? "it cannot be read" : lowerFirst(reason);
    }
    if (e instanceof EOFException) {
      return "the input ended early";
    }
    if (e instanceof PortUnreachableException) {
      return "nothing answers on that port (port unreachable)";
    }
    if (e instanceof SocketTimeoutException) {
      return "no answer in time";
    }
    if (e instanceof ConnectException) {
      return "the connection was refused";
    }
    if (e instanceof UnknownHostException) {
      return "unknown host" + (e.getMessage() == null ? "" : " " + e.getMessage());
    }
    if (e instanceof ZipException) {
      return "not valid gzip" + (e.getMessage() == null ? "" : " (" + lowerFirst(e.getMessage()) + ")");
    }
    if (e instanceof CharacterCodingException) {
      return "not valid UTF-8";
    }
    String message = e.getMessage();
    if (e instanceof SocketException && message != null
        && message.toLowerCase(Locale.ROOT).contains("connection reset")) {
      return "the connection was reset by the other side";
    }
    if (message != null && !message.isBlank() && isPlainWords(message)) {
      return lowerFirst(message);
    }
    return "an input/output error";
  }

  private static String lowerFirst(String s) {
    if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && !Character.isUpperCase(s.charAt(1))) {
      return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
    return s;
  }
}
