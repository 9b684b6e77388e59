package dev.mtasts.tlsrpt.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.mail.util.StreamProvider;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

final class StreamProviderLookupTest {

  @Test
  void jakartaMailFindsAngusMailsProviderThroughTheContextLoader() throws Exception {
    StreamProvider p = StreamProviderLookup.run(StreamProvider::provider);
    assertEquals("org.eclipse.angus.mail.util.MailStreamProvider", p.getClass().getName());
    List<URL> files = StreamProviderLookup.run(() -> {
      try {
        return Collections.list(Thread.currentThread().getContextClassLoader()
            .getResources("META-INF/services/jakarta.mail.util.StreamProvider"));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    // Answered from memory: one file, no search of the class path.
    assertEquals(1, files.size(), files::toString);
    assertEquals("mtasts-memory", files.get(0).getProtocol());
    try (InputStream in = files.get(0).openStream()) {
      assertEquals("org.eclipse.angus.mail.util.MailStreamProvider\n",
          new String(in.readAllBytes(), StandardCharsets.US_ASCII));
    }
  }

  @Test
  void theContextLoaderIsPutBackEvenWhenTheWorkFails() {
    ClassLoader before = Thread.currentThread().getContextClassLoader();
    assertThrows(IllegalStateException.class, () -> StreamProviderLookup.run(() -> {
      throw new IllegalStateException("boom");
    }));
    assertSame(before, Thread.currentThread().getContextClassLoader());
  }
}
