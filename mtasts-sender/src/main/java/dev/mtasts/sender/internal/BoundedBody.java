package dev.mtasts.sender.internal;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * A response body subscriber that keeps at most {@code limit + 1} bytes: one buffer at a time is
 * requested, and the subscription is cancelled (closing the connection) as soon as the body is
 * longer than the limit (RFC 8461 §3.3), so a 100 MB body costs no more memory than a 64 KiB one.
 * A discarding instance cancels at once, for responses whose body is not wanted.
 */
public final class BoundedBody implements HttpResponse.BodySubscriber<BoundedBody.Body> {

  /**
   * What was read.
   *
   * @param bytes the bytes, at most the limit
   * @param tooLarge whether the body was longer than the limit (then {@code bytes} is empty)
   */
  @SuppressWarnings("ArrayRecordComponent") // internal hand-over of the body read, never compared
  public record Body(byte[] bytes, boolean tooLarge) {}

  private static final Body EMPTY = new Body(new byte[0], false);

  private final int limit;
  private final boolean discard;
  private final CompletableFuture<Body> result = new CompletableFuture<>();
  private volatile Flow.@Nullable Subscription subscription;
  private byte[] buffer = new byte[0];
  private int length;

  private BoundedBody(int limit, boolean discard) {
    this.limit = limit;
    this.discard = discard;
  }

  /**
   * Returns a subscriber that reads up to the limit.
   *
   * @param limit the largest acceptable body
   * @return the subscriber
   */
  public static BoundedBody reading(int limit) {
    return new BoundedBody(limit, false);
  }

  /**
   * Returns a subscriber that reads nothing.
   *
   * @return the subscriber
   */
  public static BoundedBody discarding() {
    return new BoundedBody(0, true);
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (discard || result.isDone()) {
      s.cancel();
      result.complete(EMPTY);
    } else {
      s.request(1);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    Flow.@Nullable Subscription s = subscription;
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer item : items) {
      int n = item.remaining();
      if ((long) length + n > limit) {
        buffer = new byte[0];
        if (s != null) {
          s.cancel();
        }
        result.complete(new Body(buffer, true));
        return;
      }
      if (length + n > buffer.length) {
        buffer = Arrays.copyOf(buffer, (int) Math.min(limit, Math.max(length + n, Math.max(1024L, buffer.length * 2L))));
      }
      item.get(buffer, length, n);
      length += n;
    }
    if (s != null) {
      s.request(1);
    }
  }

  @Override
  public void onError(Throwable throwable) {
    result.completeExceptionally(throwable);
  }

  @Override
  public void onComplete() {
    result.complete(new Body(Arrays.copyOf(buffer, length), false));
  }

  @Override
  public CompletionStage<Body> getBody() {
    return result;
  }

  /** Stops reading: cancels the subscription, which closes the connection. */
  public void cancel() {
    Flow.@Nullable Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
    result.cancel(false);
  }
}
