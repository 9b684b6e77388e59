package dev.mtasts.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class CausesTest {
  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(new NoSuchFileException("/r/x.json"), "no such file"),
        Arguments.of(new AccessDeniedException("/r/x.json"), "permission denied"),
        Arguments.of(new FileSystemException("/r/x.json", null, "Is a directory"), "is a directory"),
        Arguments.of(new FileSystemLoopException("/r/loop"), "a loop of symbolic links"),
        Arguments.of(new EOFException(), "the input ended early"),
        Arguments.of(new EOFException("Unexpected end of ZLIB input stream"), "the input ended early"),
        Arguments.of(new PortUnreachableException("ICMP Port Unreachable"),
            "nothing answers on that port (port unreachable)"),
        Arguments.of(new SocketException("Connection reset"), "the connection was reset by the other side"),
        Arguments.of(new ZipException("Not in GZIP format"), "not valid gzip (not in GZIP format)"),
        Arguments.of(new ZipException(), "not valid gzip"),
        Arguments.of(new IOException("java.io.IOException: boom"), "an input/output error"),
        Arguments.of(new IOException(), "an input/output error"),
        Arguments.of(new StackOverflowError(), "it is nested or chained too deeply to read (stack overflow)"),
        Arguments.of(new IllegalArgumentException("negative session count"), "negative session count"));
  }

  @ParameterizedTest
  @MethodSource("failures")
  void saysWhatHappenedInWords(Throwable failure, String words) {
    assertEquals(words, Causes.describe(failure));
  }

  @ParameterizedTest
  @MethodSource("failures")
  void neverShowsAClassName(Throwable failure, String words) {
    String described = Causes.describe(failure);
    assertTrue(Causes.isPlainWords(described), described);
    assertFalse(described.contains(failure.getClass().getSimpleName()), described);
  }

  @ParameterizedTest
  @MethodSource("failures")
  void anUnexpectedFailureWithAJavaNameInItsMessageIsNotQuoted(Throwable ignored, String words) {
    String described = Causes.describe(new NullPointerException("Cannot invoke \"java.lang.String.length()\""));
    assertTrue(described.startsWith("an unexpected failure (a bug in mtasts"), described);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
    "network error querying 127.0.0.1:5 for x.: java.net.PortUnreachableException (1 attempts)"
        + "|network error querying 127.0.0.1:5 for x.: port unreachable (nothing listens there) (1 attempts)",
    "SocketException: Connection reset|network error: Connection reset",
    "not valid gzip: java.io.EOFException|not valid gzip: the input ended early",
    "mail.Example.com and java.json stay|mail.Example.com and java.json stay",
  })
  void scrubReplacesClassNamesInLibraryMessagesWithWords(String message, String scrubbed) {
    assertEquals(scrubbed, Causes.scrub(message));
  }
}
