package dev.mtasts.tlsrpt.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on a loopback port that forwards to a server and, once the server has sent a given
 * number of bytes to the client, closes both connections: a server that drops the connection in
 * the middle of a mail, as far as the client can tell. The bytes are TLS records; the proxy does
 * not look into them.
 */
final class CuttingProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final String host;
  private final int port;
  private final long cutAfter;
  private final AtomicLong fromServer = new AtomicLong();
  private final Thread acceptor;

  CuttingProxy(String host, int port, long cutAfter) throws IOException {
    this.host = host;
    this.port = port;
    this.cutAfter = cutAfter;
    this.listener = new ServerSocket();
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    acceptor = new Thread(this::accept, "cutting-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Returns how many bytes the server sent through the proxy so far. */
  long fromServer() {
    return fromServer.get();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(host, port);
        pump(server, client, true);
        pump(client, server, false);
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pump(Socket from, Socket to, boolean counted) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[4096];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buf)) > 0) {
          if (counted) {
            long before = fromServer.getAndAdd(n);
            if (before + n > cutAfter) {
              int keep = (int) Math.max(0, cutAfter - before);
              out.write(buf, 0, keep);
              out.flush();
              break;
            }
          }
          out.write(buf, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // The other direction closed the sockets.
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "cutting-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // Already closed.
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
