package dev.mtasts.sender;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The fault matrix of the policy fetch (RFC 8461 §3.3, §7.1): each case is one Policy Domain,
 * {@code <label>.fetch.test}, whose policy host is served in a particular way, with the outcome
 * the fetcher must reach. The in-JVM server and the nginx configuration both serve these cases.
 */
enum FaultCase {
  OK("ok", Cert.EXACT, Transport.HTTPS, 200, "text/plain", Body.VALID, null),
  CHARSET_UTF8("charset-utf8", Cert.EXACT, Transport.HTTPS, 200, "text/plain; charset=utf-8", Body.VALID, null),
  PARAMETERS_IGNORED("params", Cert.EXACT, Transport.HTTPS, 200, "text/plain; format=flowed", Body.VALID, null),
  REDIRECT_301("r301", Cert.EXACT, Transport.HTTPS, 301, null, Body.NONE, FetchErrorCode.REDIRECT),
  REDIRECT_302("r302", Cert.EXACT, Transport.HTTPS, 302, null, Body.NONE, FetchErrorCode.REDIRECT),
  REDIRECT_307("r307", Cert.EXACT, Transport.HTTPS, 307, null, Body.NONE, FetchErrorCode.REDIRECT),
  REDIRECT_308("r308", Cert.EXACT, Transport.HTTPS, 308, null, Body.NONE, FetchErrorCode.REDIRECT),
  NOT_FOUND("notfound", Cert.EXACT, Transport.HTTPS, 404, null, Body.NONE, FetchErrorCode.HTTP_STATUS),
  SERVER_ERROR("error", Cert.EXACT, Transport.HTTPS, 500, null, Body.NONE, FetchErrorCode.HTTP_STATUS),
  TEXT_HTML("html", Cert.EXACT, Transport.HTTPS, 200, "text/html", Body.VALID, FetchErrorCode.CONTENT_TYPE_NOT_TEXT_PLAIN),
  CHARSET_LATIN1("latin1", Cert.EXACT, Transport.HTTPS, 200, "text/plain; charset=latin1", Body.VALID, FetchErrorCode.CHARSET_NOT_UTF8),
  NO_CONTENT_TYPE("notype", Cert.EXACT, Transport.HTTPS, 200, null, Body.VALID, FetchErrorCode.CONTENT_TYPE_MISSING),
  EXACTLY_64_KIB("exact64k", Cert.EXACT, Transport.HTTPS, 200, "text/plain", Body.VALID_64_KIB, null),
  OVER_64_KIB("over64k", Cert.EXACT, Transport.HTTPS, 200, "text/plain", Body.VALID_64_KIB_PLUS_1, FetchErrorCode.BODY_TOO_LARGE),
  HUNDRED_MB("huge", Cert.EXACT, Transport.HTTPS, 200, "text/plain", Body.HUNDRED_MB, FetchErrorCode.BODY_TOO_LARGE),
  SLOWLORIS("slow", Cert.EXACT, Transport.HTTPS, 200, "text/plain", Body.SLOW, FetchErrorCode.DEADLINE_EXCEEDED),
  STALLED_HANDSHAKE("stall", Cert.EXACT, Transport.STALL, 0, null, Body.NONE, FetchErrorCode.DEADLINE_EXCEEDED),
  CONNECTION_REFUSED("refused", Cert.EXACT, Transport.REFUSED, 0, null, Body.NONE, FetchErrorCode.CONNECT_FAILED),
  CERTIFICATE_EXPIRED("expired", Cert.EXPIRED, Transport.HTTPS, 200, "text/plain", Body.VALID, FetchErrorCode.CERTIFICATE_EXPIRED),
  CERTIFICATE_OTHER_HOST("otherhost", Cert.OTHER_HOST, Transport.HTTPS, 200, "text/plain", Body.VALID, FetchErrorCode.CERTIFICATE_HOST_MISMATCH),
  SELF_SIGNED("selfsigned", Cert.SELF_SIGNED, Transport.HTTPS, 200, "text/plain", Body.VALID, FetchErrorCode.CERTIFICATE_NOT_TRUSTED),
  CN_ONLY("cnonly", Cert.CN_ONLY, Transport.HTTPS, 200, "text/plain", Body.VALID, FetchErrorCode.CERTIFICATE_WITHOUT_DNS_NAME),
  WILDCARD_PARENT("wildcard", Cert.WILDCARD_PARENT, Transport.HTTPS, 200, "text/plain", Body.VALID, null),
  WILDCARD_BELOW_POLICY_HOST("wildcard-below", Cert.WILDCARD_BELOW, Transport.HTTPS, 200, "text/plain", Body.VALID, FetchErrorCode.CERTIFICATE_HOST_MISMATCH),
  TLS_1_1_ONLY("tls11", Cert.EXACT, Transport.TLS_1_1, 200, "text/plain", Body.VALID, FetchErrorCode.TLS_HANDSHAKE_FAILED),
  INVALID_POLICY("invalid", Cert.EXACT, Transport.HTTPS, 200, "text/plain", Body.INVALID, FetchErrorCode.POLICY_INVALID),
  MALFORMED_UTF8("badutf8", Cert.EXACT, Transport.HTTPS, 200, "text/plain", Body.MALFORMED_UTF8, FetchErrorCode.POLICY_INVALID);

  /** The certificate the policy host presents. */
  enum Cert { EXACT, EXPIRED, OTHER_HOST, SELF_SIGNED, CN_ONLY, WILDCARD_PARENT, WILDCARD_BELOW }

  /** How the server behaves below HTTP. */
  enum Transport { HTTPS, STALL, REFUSED, TLS_1_1 }

  /** What the body is. */
  enum Body { NONE, VALID, VALID_64_KIB, VALID_64_KIB_PLUS_1, HUNDRED_MB, SLOW, INVALID, MALFORMED_UTF8 }

  static final String REDIRECT_TARGET = "https://elsewhere.test/.well-known/mta-sts.txt";
  static final long HUNDRED_MB_LENGTH = 100L * 1024 * 1024;
  static final int SLOW_LENGTH = 120;

  final String label;
  final Cert cert;
  final Transport transport;
  final int status;
  final @Nullable String contentType;
  final Body body;
  final @Nullable FetchErrorCode expected;

  FaultCase(String label, Cert cert, Transport transport, int status, @Nullable String contentType,
      Body body, @Nullable FetchErrorCode expected) {
    this.label = label;
    this.cert = cert;
    this.transport = transport;
    this.status = status;
    this.contentType = contentType;
    this.body = body;
    this.expected = expected;
  }

  String domain() {
    return label + ".fetch.test";
  }

  String policyHost() {
    return "mta-sts." + domain();
  }

  static @Nullable FaultCase byPolicyHost(String host) {
    for (FaultCase c : values()) {
      if (c.policyHost().equalsIgnoreCase(host)) {
        return c;
      }
    }
    return null;
  }

  String validPolicy() {
    return "version: STSv1\nmode: enforce\nmx: mx1." + domain() + "\nmx: *.mx." + domain() + "\nmax_age: 86400\n";
  }

  /** Returns the body's bytes (not for {@link Body#HUNDRED_MB}, which is streamed). */
  byte[] bodyBytes() {
    return switch (body) {
      case NONE -> new byte[0];
      case VALID -> validPolicy().getBytes(StandardCharsets.UTF_8);
      case VALID_64_KIB -> padded(64 * 1024);
      case VALID_64_KIB_PLUS_1 -> padded(64 * 1024 + 1);
      case SLOW -> padded(SLOW_LENGTH);
      case INVALID -> ("version: STSv1\nmode: enforced\nmx: mx1." + domain() + "\nmax_age: 86400\n")
          .getBytes(StandardCharsets.UTF_8);
      case MALFORMED_UTF8 -> {
        byte[] b = (validPolicy() + "x-note: caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
        yield b;
      }
      case HUNDRED_MB -> throw new IllegalStateException("streamed");
    };
  }

  /** A valid policy padded with an extension to exactly {@code length} bytes. */
  private byte[] padded(int length) {
    String head = validPolicy() + "x-padding: ";
    int fill = length - head.length() - 1;
    if (fill < 1) {
      return Arrays.copyOf(head.getBytes(StandardCharsets.UTF_8), length);
    }
    return (head + "a".repeat(fill) + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
