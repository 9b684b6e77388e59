package dev.mtasts.tlsrpt.mail;

import dev.mtasts.tlsrpt.mail.internal.Printable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * The password of an IMAP account, taken from a file or an environment variable so it never
 * appears on a command line (where {@code ps} shows it to every user of the machine). Its {@link
 * #toString()} never shows it.
 *
 * <pre>{@code
 * ImapPassword pw = ImapPassword.fromEnvironment(System.getenv(), "MTASTS_IMAP_PASSWORD");
 * }</pre>
 */
public final class ImapPassword {

  /** The longest password file read: 4 KiB. */
  public static final int MAX_FILE_BYTES = 4096;

  private final char[] password;

  private ImapPassword(char[] password) {
    this.password = password;
  }

  /**
   * Returns a password.
   *
   * @param password the password (copied)
   * @return the password
   * @throws IllegalArgumentException when it is empty
   */
  public static ImapPassword of(char[] password) {
    Objects.requireNonNull(password, "password");
    if (password.length == 0) {
      throw new IllegalArgumentException("the password is empty");
    }
    return new ImapPassword(password.clone());
  }

  /**
   * Reads the password from the first line of a file (UTF-8, the line end not included).
   *
   * @param file the file, best readable by its owner only
   * @return the password
   * @throws TransportException with {@link TransportErrorCode#NO_PASSWORD} when the file cannot be
   *     read, is longer than 4 KiB, is not UTF-8 or its first line is empty
   */
  public static ImapPassword fromFile(Path file) {
    Objects.requireNonNull(file, "file");
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    } catch (IOException e) {
      throw noPassword(file.toString(), "the password file cannot be read: "
          + Printable.of(String.valueOf(e.getMessage())), e);
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw noPassword(file.toString(), "the password file is longer than " + MAX_FILE_BYTES
          + " bytes; it should hold the password on its first line", null);
    }
    int end = 0;
    while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
      end++;
    }
    char[] chars;
    try {
      CharBuffer cb = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, end));
      chars = Arrays.copyOf(cb.array(), cb.limit());
      Arrays.fill(cb.array(), '\0');
    } catch (CharacterCodingException e) {
      throw noPassword(file.toString(), "the password file is not UTF-8 text", e);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
    if (chars.length == 0) {
      throw noPassword(file.toString(), "the first line of the password file is empty", null);
    }
    return new ImapPassword(chars);
  }

  /**
   * Takes the password from an environment variable.
   *
   * @param environment the environment, normally {@link System#getenv()}
   * @param name the variable, normally {@code MTASTS_IMAP_PASSWORD}
   * @return the password
   * @throws TransportException with {@link TransportErrorCode#NO_PASSWORD} when the variable is
   *     not set or empty
   */
  public static ImapPassword fromEnvironment(Map<String, String> environment, String name) {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(name, "name");
    String value = environment.get(name);
    if (value == null || value.isEmpty()) {
      throw noPassword(name, "the environment variable " + Printable.of(name)
          + " is not set; set it to the password or give a password file", null);
    }
    return new ImapPassword(value.toCharArray());
  }

  /** Returns a copy of the password, for the login. */
  char[] chars() {
    return password.clone();
  }

  /**
   * Returns a text that does not show the password.
   *
   * @return {@code ImapPassword[***]}
   */
  @Override
  public String toString() {
    return "ImapPassword[***]";
  }

  private static TransportException noPassword(String where, String detail,
      @org.jspecify.annotations.Nullable Throwable cause) {
    return new TransportException(TransportErrorCode.NO_PASSWORD, where, detail, cause);
  }
}
