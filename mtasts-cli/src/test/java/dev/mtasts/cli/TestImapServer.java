package dev.mtasts.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mtasts.tlsrpt.mail.TlsTrust;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPSSLStore;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.jspecify.annotations.Nullable;

/**
 * GreenMail in this JVM as the IMAPS server of the {@code report fetch} tests, with a certificate
 * the JDK's keytool generates (GreenMail reads its key store once per JVM, from system
 * properties, so one certificate serves every test of this JVM).
 */
final class TestImapServer implements AutoCloseable {
  static final String USER = "tlsrpt";
  static final String PASSWORD = "s3cret-Pass";

  private static @Nullable Path cert;

  final GreenMail greenMail;
  final int port;
  final Path caPem;

  private TestImapServer(GreenMail greenMail, Path caPem) {
    this.greenMail = greenMail;
    this.port = greenMail.getImaps().getPort();
    this.caPem = caPem;
  }

  static TestImapServer start() throws IOException {
    Path pem = certificate();
    ServerSetup imaps = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAPS).dynamicPort();
    // The machine is shared and busy: GreenMail's 2 s default start-up wait is too short.
    imaps.setServerStartupTimeout(60_000);
    GreenMail gm = new GreenMail(imaps);
    gm.start();
    gm.setUser("tlsrpt@example.com", USER, PASSWORD);
    return new TestImapServer(gm, pem);
  }

  /** A PEM certificate with SAN 127.0.0.1 and localhost, and its key in a PKCS12 key store. */
  static Path[] selfSigned(Path dir) throws IOException {
    Path ks = dir.resolve("server.p12");
    Path pem = dir.resolve("server.pem");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    assumeTrue(Files.isExecutable(keytool), "no keytool in this JDK");
    run(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname",
        "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
        "-validity", "2", "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass",
        "changeit", "-keypass", "changeit");
    run(keytool.toString(), "-exportcert", "-rfc", "-alias", "server", "-keystore", ks.toString(),
        "-storepass", "changeit", "-file", pem.toString());
    return new Path[] {ks, pem};
  }

  private static synchronized Path certificate() throws IOException {
    if (cert != null) {
      return cert;
    }
    Path dir = Files.createTempDirectory("greenmail-tls");
    Path[] made = selfSigned(dir);
    for (Path p : List.of(dir, made[0], made[1])) {
      p.toFile().deleteOnExit();
    }
    System.setProperty("greenmail.tls.keystore.file", made[0].toString());
    System.setProperty("greenmail.tls.keystore.password", "changeit");
    System.setProperty("greenmail.tls.key.password", "changeit");
    cert = made[1];
    return cert;
  }

  private static void run(String... command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    try {
      assumeTrue(p.waitFor() == 0, "keytool failed");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  String uri(String mailbox) {
    return "imaps://" + USER + "@127.0.0.1:" + port + "/" + mailbox;
  }

  /** Creates a mailbox and appends the mails, in order. */
  void load(String mailbox, List<byte[]> mails) throws MessagingException {
    Properties props = new Properties();
    props.put("mail.imaps.ssl.socketFactory",
        TlsTrust.systemPlus(caPem).sslContext().getSocketFactory());
    IMAPStore store = new IMAPSSLStore(Session.getInstance(props), null);
    store.connect("127.0.0.1", port, USER, PASSWORD);
    try {
      Folder f = store.getFolder(mailbox);
      if (!f.exists()) {
        f.create(Folder.HOLDS_MESSAGES);
      }
      Session s = Session.getInstance(new Properties());
      Message[] msgs = new Message[mails.size()];
      for (int i = 0; i < msgs.length; i++) {
        msgs[i] = new MimeMessage(s, new ByteArrayInputStream(mails.get(i)));
      }
      f.appendMessages(msgs);
    } finally {
      store.close();
    }
  }

  @Override
  public void close() {
    greenMail.stop();
  }
}
