package dev.mtasts.tlsrpt.mail.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Answers Jakarta Mail's {@code StreamProvider} lookup from memory while Angus Mail parses, without
 * touching JVM-wide state.
 *
 * <p>Jakarta Mail 2.1 looks its {@code StreamProvider} up again for every header block, multipart
 * and decoded body part ({@code InternetHeaders.load}, {@code Multipart}'s field, {@code
 * MimeUtility.decode}: jakartaee/mail-api issues 699 and 861). Its {@code FactoryFinder} asks, in
 * this order, the system property {@code jakarta.mail.util.StreamProvider}, then a {@code
 * ServiceLoader} over the thread's context class loader. On the module path that {@code
 * ServiceLoader} finds Angus Mail's provider in the module graph at once; on a class path it
 * searches every jar for {@code META-INF/services/jakarta.mail.util.StreamProvider}, which made a
 * report mail cost milliseconds. Setting the system property would cure it for the whole JVM, and
 * change it for every other user of Jakarta Mail in the process. Instead, {@link #run} makes this
 * loader the context class loader of the current thread for the duration of one parse (and puts
 * the previous one back): it delegates everything to the module's own class loader, except that it
 * answers the service file itself, from memory, naming Angus Mail's provider, so each lookup is a
 * parse of one line and a cached class. A system property set by the application still wins, as
 * Jakarta Mail documents.
 */
public final class StreamProviderLookup extends ClassLoader {

  private static final String SERVICE_FILE = "META-INF/services/jakarta.mail.util.StreamProvider";
  private static final byte[] PROVIDER =
      "org.eclipse.angus.mail.util.MailStreamProvider\n".getBytes(StandardCharsets.US_ASCII);
  static {
    // Parsing threads look Angus Mail's classes up through this loader at once.
    registerAsParallelCapable();
  }

  private static final StreamProviderLookup INSTANCE = new StreamProviderLookup();

  private final URL serviceFile;

  private StreamProviderLookup() {
    super("mtasts-stream-provider", StreamProviderLookup.class.getClassLoader());
    try {
      serviceFile = new URL(null, "mtasts-memory:" + SERVICE_FILE, new URLStreamHandler() {
        @Override
        protected URLConnection openConnection(URL u) {
          return new URLConnection(u) {
            @Override
            public void connect() {
              connected = true;
            }

            @Override
            public InputStream getInputStream() {
              return new ByteArrayInputStream(PROVIDER);
            }
          };
        }
      });
    } catch (MalformedURLException e) {
      throw new IllegalStateException("an in-memory URL cannot be made", e);
    }
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    if (SERVICE_FILE.equals(name)) {
      return Collections.enumeration(List.of(serviceFile));
    }
    return super.getResources(name);
  }

  /**
   * Runs Angus Mail code with the lookup answered from memory.
   *
   * @param <T> what the code returns
   * @param work the code
   * @return what it returned
   */
  public static <T> T run(Supplier<T> work) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(INSTANCE);
    try {
      return work.get();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
