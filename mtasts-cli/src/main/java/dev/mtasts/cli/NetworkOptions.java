package dev.mtasts.cli;

import static dev.mtasts.cli.internal.TerminalText.escape;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What the commands that go on the network share ({@code fetch}, {@code check}): the DNS server,
 * fixed addresses for host names, extra trusted roots, and the duration syntax of {@code --timeout}.
 */
final class NetworkOptions {
  // picocli injects the spec of the command this mixin is part of; NullAway cannot see that.
  @SuppressWarnings("NullAway.Init")
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--resolver", paramLabel = "HOST:PORT",
      description = "Ask this DNS server for the records (default: the system's resolvers). Port 53 when"
          + " omitted; IPv6 as [::1]:53.")
  @Nullable String resolver;

  @Option(names = "--connect", paramLabel = "HOST=ADDR:PORT",
      description = "Dial ADDR:PORT for HOST, still sending HOST as SNI (and as Host to a policy host) and"
          + " checking the certificate for HOST: test a server before the DNS points to it. Repeatable.")
  List<String> connect = new ArrayList<>();

  @Option(names = "--trust", paramLabel = "PEM",
      description = "Trust the certificates in this PEM file instead of the JDK's roots.")
  @Nullable Path trust;

  NetworkOptions() {}

  /** The {@code --resolver} address, or null for the system's resolvers. */
  @Nullable InetSocketAddress resolverAddress() {
    return resolver == null ? null : address("--resolver", resolver, 53);
  }

  /** The {@code --connect} overrides, host (as given) to address; the port defaults to {@code defaultPort}. */
  Map<String, InetSocketAddress> connects(int defaultPort) {
    Map<String, InetSocketAddress> out = new LinkedHashMap<>();
    for (String c : connect) {
      int eq = c.indexOf('=');
      if (eq <= 0) {
        throw new ParameterException(spec.commandLine(), "--connect \"" + escape(c)
            + "\": expected HOST=ADDR:PORT, e.g. mta-sts.example.com=192.0.2.10:443");
      }
      out.put(c.substring(0, eq), address("--connect", c.substring(eq + 1), defaultPort));
    }
    return out;
  }

  /** Fails with the usage error of a bad {@code --connect} value. */
  ParameterException badConnect(String host, String why) {
    return new ParameterException(spec.commandLine(), "--connect \"" + escape(host) + "=...\": " + why);
  }

  /** The {@code --trust} roots, or null for the JDK's. */
  @Nullable List<X509Certificate> trustRoots() {
    return trust == null ? null : readPem(trust);
  }

  InetSocketAddress address(String option, String text, int defaultPort) {
    String host = text;
    int port = defaultPort;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw bad(option, text, "missing ]");
      }
      host = text.substring(1, close);
      String rest = text.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          throw bad(option, text, "expected :PORT after ]");
        }
        port = port(option, text, rest.substring(1));
      }
    } else {
      int colon = text.lastIndexOf(':');
      if (colon >= 0 && text.indexOf(':') == colon) {
        host = text.substring(0, colon);
        port = port(option, text, text.substring(colon + 1));
      }
    }
    if (host.isEmpty()) {
      throw bad(option, text, "no address");
    }
    try {
      return new InetSocketAddress(InetAddress.getByName(host), port);
    } catch (UnknownHostException e) {
      throw bad(option, text, "unknown host " + host);
    }
  }

  private int port(String option, String text, String port) {
    try {
      int p = Integer.parseInt(port);
      if (p < 1 || p > 65535) {
        throw bad(option, text, "port " + port + " is outside 1..65535");
      }
      return p;
    } catch (NumberFormatException e) {
      throw bad(option, text, "port \"" + port + "\" is not a number");
    }
  }

  private ParameterException bad(String option, String text, String why) {
    return new ParameterException(spec.commandLine(), option + " \"" + escape(text) + "\": " + why);
  }

  /** Reads a {@code --timeout} value: 30s, 2m, 1500ms or PT1M, above 0 and at most 10 minutes. */
  Duration duration(String option, String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    Duration d;
    try {
      if (t.startsWith("pt")) {
        d = Duration.parse(t.toUpperCase(Locale.ROOT));
      } else if (t.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      } else if (t.endsWith("s")) {
        d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
      } else if (t.endsWith("m")) {
        d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
      } else {
        d = Duration.ofSeconds(Long.parseLong(t));
      }
    } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
      throw new ParameterException(spec.commandLine(), option + " \"" + escape(text)
          + "\": expected a duration such as 30s, 2m, 1500ms or PT1M");
    }
    if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new ParameterException(spec.commandLine(), option + " \"" + escape(text) + "\": must be above 0 and at most 10m");
    }
    return d;
  }

  private List<X509Certificate> readPem(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      if (Files.size(file) > 1 << 20) {
        throw new ParameterException(spec.commandLine(), "--trust " + escape(file.toString()) + ": larger than 1 MiB");
      }
      List<X509Certificate> certs = new ArrayList<>();
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        if (c instanceof X509Certificate x) {
          certs.add(x);
        }
      }
      if (certs.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "--trust " + escape(file.toString()) + ": no certificate in the file");
      }
      return certs;
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), "--trust " + escape(file.toString()) + ": cannot be read ("
          + escape(String.valueOf(e.getMessage())) + ")");
    } catch (CertificateException e) {
      throw new ParameterException(spec.commandLine(), "--trust " + escape(file.toString())
          + ": not PEM certificates (" + escape(String.valueOf(e.getMessage())) + ")");
    }
  }
}
