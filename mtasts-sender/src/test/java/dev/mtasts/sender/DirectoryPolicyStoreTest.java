package dev.mtasts.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.policy.MtaStsPolicy;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk policy store: round trip, corrupt entries, and a kill at any point. */
final class DirectoryPolicyStoreTest {

  @Test
  void roundTrip(@TempDir Path dir) {
    PolicyStore store = PolicyStore.directory(dir);
    String t = Scripted.policyText("example.com", "enforce", 86400);
    CachedPolicy p = new CachedPolicy("example.com", "20261201", MtaStsPolicy.parse(t), t, Instant.parse("2026-12-01T00:00:00Z"));
    store.save(p);
    assertEquals(Optional.of(p), store.load("example.com"));
    assertEquals(Optional.empty(), store.load("other.example"));
    store.remove("example.com");
    assertEquals(Optional.empty(), store.load("example.com"));
  }

  @Test
  void corruptEntriesAreTypedErrorsForThatDomain(@TempDir Path dir) throws Exception {
    PolicyStore store = PolicyStore.directory(dir);
    String t = Scripted.policyText("example.com", "enforce", 86400);
    store.save(new CachedPolicy("example.com", "1", MtaStsPolicy.parse(t), t, Instant.EPOCH));
    Path f = dir.resolve("example.com.policy");
    String good = Files.readString(f);
    for (String bad : new String[] {"", "garbage", good.replace("length: ", "length: 9"),
        good.replace("domain: example.com", "domain: evil.example"), good.replace("mode: enforce", "mode: enforced"),
        good.replace("fetched: 1970", "fetched: x1970"), good.substring(0, good.length() - 5)}) {
      Files.writeString(f, bad, StandardCharsets.UTF_8);
      PolicyStoreException e = assertThrows(PolicyStoreException.class, () -> store.load("example.com"));
      assertEquals(PolicyStoreException.Code.CORRUPT_ENTRY, e.code(), e::getMessage);
      assertEquals("example.com", e.domain());
      assertTrue(e.getMessage().startsWith(f.toString()), e::getMessage);
    }
    Files.write(f, new byte[200_000]);
    assertEquals(PolicyStoreException.Code.CORRUPT_ENTRY,
        assertThrows(PolicyStoreException.class, () -> store.load("example.com")).code());
  }

  /** Kills a writing process at arbitrary points; every entry left is whole (old or new). */
  @Test
  void aKillAtAnyPointLeavesEveryEntryWholeAndAnotherWriterCanGoOn(@TempDir Path dir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Random random = new Random(11);
    for (int round = 0; round < 4; round++) {
      Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          StoreWriterMain.class.getName(), dir.toString()).redirectErrorStream(true).start();
      int writes = 1 + random.nextInt(300);
      try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (int i = 0; i < writes; i++) {
          String line = out.readLine();
          if (line == null) {
            throw new AssertionError("the writer stopped early");
          }
          if (!line.chars().allMatch(Character::isDigit)) {
            throw new AssertionError("the writer failed: " + line + "\n" + out.lines().limit(20).toList());
          }
        }
        p.destroyForcibly();
      }
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      PolicyStore store = PolicyStore.directory(dir);
      for (int d = 0; d < 5; d++) {
        String domain = "d" + d + ".example";
        Optional<CachedPolicy> loaded = store.load(domain); // never a corrupt entry
        if (loaded.isPresent()) {
          long v = Long.parseLong(loaded.get().policyId().substring(2));
          assertEquals(StoreWriterMain.text(domain, v), loaded.get().text());
        }
      }
      String t = Scripted.policyText("d0.example", "testing", 60);
      store.save(new CachedPolicy("d0.example", "after", MtaStsPolicy.parse(t), t, Instant.EPOCH));
      assertEquals("after", store.load("d0.example").orElseThrow().policyId());
    }
  }
}
