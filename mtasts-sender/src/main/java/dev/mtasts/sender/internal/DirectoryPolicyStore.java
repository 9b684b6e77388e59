package dev.mtasts.sender.internal;

import dev.mtasts.policy.PolicyParseException;
import dev.mtasts.policy.PolicyParser;
import dev.mtasts.sender.CachedPolicy;
import dev.mtasts.sender.PolicyStore;
import dev.mtasts.sender.PolicyStoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@link PolicyStore#directory(Path)}: one file {@code <domain>.policy} per domain, a small header
 * and the policy text as served:
 *
 * <pre>
 * mtasts-sender policy v1
 * domain: example.com
 * id: 20261124T000000
 * fetched: 2026-11-24T00:00:00Z
 * length: 85
 *
 * version: STSv1 ...
 * </pre>
 *
 * <p>Writes go to a temporary file in the same directory, are forced to disk and renamed over
 * the entry atomically. Leftover temporary files (a kill mid-write) are ignored and removed on
 * the next write of that domain.
 */
public final class DirectoryPolicyStore implements PolicyStore {
  private static final String MAGIC = "mtasts-sender policy v1";
  private static final int MAX_FILE = PolicyParser.DEFAULT_MAX_BYTES + 1024;

  private final Path dir;

  /**
   * Opens the store.
   *
   * @param dir the directory, created if missing
   */
  public DirectoryPolicyStore(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new PolicyStoreException(PolicyStoreException.Code.IO_ERROR, "", dir.toString(),
          "the policy store directory cannot be created: " + e, e);
    }
  }

  private Path file(String domain) {
    return dir.resolve(domain + ".policy");
  }

  @Override
  public Optional<CachedPolicy> load(String domain) {
    Path f = file(domain);
    byte[] bytes;
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
      if (ch.size() > MAX_FILE) {
        throw corrupt(domain, f, "the file is " + ch.size() + " bytes, more than a policy entry can be");
      }
      bytes = Files.readAllBytes(f);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new PolicyStoreException(PolicyStoreException.Code.IO_ERROR, domain, f.toString(),
          "cannot be read: " + e, e);
    }
    return Optional.of(decode(domain, f, bytes));
  }

  private static CachedPolicy decode(String domain, Path f, byte[] bytes) {
    int headerEnd = -1;
    for (int i = 0; i + 1 < bytes.length; i++) {
      if (bytes[i] == '\n' && bytes[i + 1] == '\n') {
        headerEnd = i;
        break;
      }
    }
    if (headerEnd < 0) {
      throw corrupt(domain, f, "no blank line ends the header");
    }
    String[] lines = new String(bytes, 0, headerEnd, StandardCharsets.UTF_8).split("\n", -1);
    if (lines.length != 5 || !lines[0].equals(MAGIC)) {
      throw corrupt(domain, f, "the header is not \"" + MAGIC + "\" with 4 fields");
    }
    String storedDomain = field(domain, f, lines[1], "domain");
    String id = field(domain, f, lines[2], "id");
    Instant fetched;
    int length;
    try {
      fetched = Instant.parse(field(domain, f, lines[3], "fetched"));
      length = Integer.parseInt(field(domain, f, lines[4], "length"));
    } catch (DateTimeParseException | NumberFormatException e) {
      throw corrupt(domain, f, "a header field cannot be read: " + e.getMessage());
    }
    if (!storedDomain.equals(domain)) {
      throw corrupt(domain, f, "the entry is for " + Texts.escape(storedDomain));
    }
    int start = headerEnd + 2;
    if (length < 0 || bytes.length - start != length) {
      throw corrupt(domain, f, "the policy is " + (bytes.length - start) + " bytes, the header says " + length);
    }
    byte[] body = java.util.Arrays.copyOfRange(bytes, start, bytes.length);
    try {
      // The text was accepted by the fetcher's parser when it was stored; read it back leniently.
      var parsed = PolicyParser.lenient().parse(body);
      return new CachedPolicy(domain, id, parsed.value(), new String(body, StandardCharsets.UTF_8), fetched);
    } catch (PolicyParseException e) {
      throw corrupt(domain, f, "the stored policy is not valid: " + e.getMessage());
    }
  }

  private static String field(String domain, Path f, String line, String name) {
    String prefix = name + ": ";
    if (!line.startsWith(prefix)) {
      throw corrupt(domain, f, "header field \"" + name + "\" is missing");
    }
    return line.substring(prefix.length());
  }

  private static PolicyStoreException corrupt(String domain, Path f, String message) {
    return new PolicyStoreException(PolicyStoreException.Code.CORRUPT_ENTRY, domain, f.toString(),
        message + "; the entry is ignored and replaced on the next fetch", null);
  }

  @Override
  public void save(CachedPolicy policy) {
    byte[] body = policy.text().getBytes(StandardCharsets.UTF_8);
    String header = MAGIC + "\ndomain: " + policy.domain() + "\nid: " + policy.policyId()
        + "\nfetched: " + policy.fetchedAt() + "\nlength: " + body.length + "\n\n";
    Path target = file(policy.domain());
    Path tmp = dir.resolve("." + policy.domain() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer b = ByteBuffer.allocate(header.length() * 3 + body.length);
        b.put(header.getBytes(StandardCharsets.UTF_8)).put(body).flip();
        while (b.hasRemaining()) {
          ch.write(b);
        }
        ch.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      removeLeftovers(policy.domain());
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the leftover is removed by a later write
      }
      throw new PolicyStoreException(PolicyStoreException.Code.IO_ERROR, policy.domain(), target.toString(),
          "cannot be written: " + e, e);
    }
  }

  private void removeLeftovers(String domain) throws IOException {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "." + domain + ".*.tmp")) {
      for (Path p : s) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Override
  public void remove(String domain) {
    Path f = file(domain);
    try {
      Files.deleteIfExists(f);
    } catch (IOException e) {
      throw new PolicyStoreException(PolicyStoreException.Code.IO_ERROR, domain, f.toString(),
          "cannot be removed: " + e, e);
    }
  }
}
