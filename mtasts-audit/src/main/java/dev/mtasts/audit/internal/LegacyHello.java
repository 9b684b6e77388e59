package dev.mtasts.audit.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.jspecify.annotations.Nullable;

/**
 * Asks a server which TLS version older than 1.2 it speaks, to tell "offers only TLS 1.0/1.1"
 * from other handshake failures: the JDK's TLS refuses TLS 1.0 and 1.1 (they are in {@code
 * jdk.tls.disabledAlgorithms}, RFC 8996), so this sends a TLS 1.1 ClientHello (RFC 4346 §7.4.1.2)
 * by hand and reads the server_version of the ServerHello. The handshake is never completed: the
 * caller closes the connection after the answer, and nothing else is sent.
 */
final class LegacyHello {
  /** A ServerHello fits in one record; more is not read. */
  private static final int MAX_RECORD = 16384 + 2048;

  /**
   * The suites offered: ECDHE with ECDSA and RSA keys, then plain RSA, with AES-CBC (what TLS 1.0
   * and 1.1 servers have), and TLS_EMPTY_RENEGOTIATION_INFO_SCSV (RFC 5746 §3.3).
   */
  private static final int[] SUITES = {
    0xC009, 0xC00A, 0xC013, 0xC014, 0x0033, 0x0039, 0x002F, 0x0035, 0x000A, 0x00FF,
  };

  private LegacyHello() {}

  /**
   * Sends the hello over a connected socket (after STARTTLS) and reads the answer.
   *
   * @param socket the connection, with a read timeout set
   * @param host the server's name, sent as SNI (RFC 6066 §3)
   * @return "TLSv1", "TLSv1.1" or "SSLv3" when the server answered with a ServerHello of that
   *     version; null when it answered with an alert, with anything else, or with a version
   *     this hello did not offer
   * @throws IOException if the connection fails or times out
   */
  static @Nullable String serverVersion(Socket socket, String host) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(clientHello(host));
    out.flush();
    DataInputStream in = new DataInputStream(socket.getInputStream());
    int type = in.readUnsignedByte();
    in.readUnsignedShort(); // the record's version
    int length = in.readUnsignedShort();
    // 22: handshake (RFC 4346 §6.2.1); an alert (21) means no legacy version either.
    if (type != 22 || length < 6 || length > MAX_RECORD) {
      return null;
    }
    byte[] body = new byte[length];
    in.readFully(body);
    // 2: server_hello, then a 3-byte length, then server_version.
    if (body[0] != 2) {
      return null;
    }
    int version = ((body[4] & 0xff) << 8) | (body[5] & 0xff);
    return switch (version) {
      case 0x0300 -> "SSLv3";
      case 0x0301 -> "TLSv1";
      case 0x0302 -> "TLSv1.1";
      default -> null;
    };
  }

  /** A TLS 1.1 ClientHello in a TLS 1.0 record, with SNI, the elliptic curves and point formats. */
  static byte[] clientHello(String host) {
    ByteArrayOutputStream hello = new ByteArrayOutputStream();
    hello.write(3);
    hello.write(2); // client_version: TLS 1.1, the highest offered
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    hello.writeBytes(random);
    hello.write(0); // no session id
    u16(hello, SUITES.length * 2);
    for (int s : SUITES) {
      u16(hello, s);
    }
    hello.write(1);
    hello.write(0); // compression: null only
    ByteArrayOutputStream ext = new ByteArrayOutputStream();
    byte[] name = host.getBytes(StandardCharsets.US_ASCII);
    u16(ext, 0x0000); // server_name (RFC 6066 §3)
    u16(ext, name.length + 5);
    u16(ext, name.length + 3);
    ext.write(0); // host_name
    u16(ext, name.length);
    ext.writeBytes(name);
    u16(ext, 0x000A); // supported_groups (RFC 8422 §5.1.1): x25519, secp256r1, secp384r1
    u16(ext, 8);
    u16(ext, 6);
    u16(ext, 0x001D);
    u16(ext, 0x0017);
    u16(ext, 0x0018);
    u16(ext, 0x000B); // ec_point_formats: uncompressed
    u16(ext, 2);
    ext.write(1);
    ext.write(0);
    byte[] extensions = ext.toByteArray();
    u16(hello, extensions.length);
    hello.writeBytes(extensions);
    byte[] body = hello.toByteArray();
    ByteArrayOutputStream record = new ByteArrayOutputStream();
    record.write(22); // handshake
    record.write(3);
    record.write(1); // record version TLS 1.0, as clients send for compatibility
    u16(record, body.length + 4);
    record.write(1); // client_hello
    record.write((body.length >> 16) & 0xff);
    u16(record, body.length & 0xffff);
    record.writeBytes(body);
    return record.toByteArray();
  }

  private static void u16(ByteArrayOutputStream out, int value) {
    out.write((value >> 8) & 0xff);
    out.write(value & 0xff);
  }
}
