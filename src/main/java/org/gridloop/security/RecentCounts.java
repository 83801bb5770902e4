package org.gridloop.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How often each key (a client, or a client and a login) did something within the last window,
 * approximately: per key, the count of its current fixed window and of the one before, weighted by
 * how much of that one still lies within the last window. So a key costs the same few bytes however
 * busy it is.
 *
 * <p>At most {@code maxKeys} keys are tracked. When the table is full, keys quiet for a whole
 * window are dropped (at most one sweep per {@code window / 60}, so a flood cannot make every
 * request scan the table); while it is still full, new keys share one overflow entry, so a flood
 * from more distinct clients than that is limited as one client instead of growing memory.
 */
final class RecentCounts {

  static final String OVERFLOW = "(overflow)";
  private static final long NEVER = Long.MIN_VALUE;

  /**
   * One key's two fixed windows: the current one from {@code start}, and the count of the one
   * before; and how many of its tries are still being answered (they count as done until settled).
   */
  record Windows(long start, int previous, int current, int inFlight) {}

  private final long window;
  private final int maxKeys;
  private final Map<String, Windows> keys = new ConcurrentHashMap<>();
  private final AtomicLong lastSweep = new AtomicLong(NEVER);

  /** @param windowMillis the length of a window; @param maxKeys how many keys are tracked at most */
  RecentCounts(long windowMillis, int maxKeys) {
    if (windowMillis <= 0 || maxKeys < 2) {
      throw new IllegalArgumentException("A window must be positive and at least two keys tracked");
    }
    this.window = windowMillis;
    this.maxKeys = maxKeys;
  }

  /** Whether the key has done it, or is doing it, {@code limit} times or more within the last window. */
  boolean reached(String key, int limit, long now) {
    Windows w = roll(keys.get(tracked(key, now)), now);
    return estimate(w, now) + w.inFlight() >= limit;
  }

  void record(String key, long now) {
    keys.compute(tracked(key, now), (k, w) -> {
      Windows r = roll(w, now);
      return new Windows(r.start(), r.previous(), r.current() + 1, r.inFlight());
    });
  }

  /** Records it if that stays within {@code limit}, in one step (parallel requests cannot all slip through). */
  boolean tryRecord(String key, int limit, long now) {
    return change(key, limit, now, 1, 0) != null;
  }

  /**
   * Takes a place for a try whose outcome is not known yet, if the tries done and under way stay
   * within {@code limit}, so that a burst of parallel tries counts whole.
   *
   * @return the entry the place was taken in, for {@link #settle}; null if there was none left
   */
  String tryReserve(String key, int limit, long now) {
    return change(key, limit, now, 0, 1);
  }

  /** Gives back a place taken by {@link #tryReserve}, recording the try if it {@code counts}. */
  void settle(String reserved, boolean counts, long now) {
    keys.compute(reserved, (k, w) -> {
      if (w == null && !counts) {
        return null;
      }
      Windows r = roll(w, now);
      return new Windows(r.start(), r.previous(), r.current() + (counts ? 1 : 0), Math.max(0, r.inFlight() - 1));
    });
  }

  /** Forgets the key (e.g. the failed logins of a client that then logged in). */
  void forget(String key) {
    keys.remove(key);
  }

  /** Milliseconds until the key's count falls below {@code limit}, if it does nothing more. */
  long millisUntilBelow(String key, int limit, long now) {
    Windows w = roll(keys.get(tracked(key, now)), now);
    long intoWindow = now - w.start();
    if (w.current() >= limit) {
      // Into the next window: there the current count weighs current * (1 - x / window).
      long x = (long) Math.ceil(window * (1 - (double) limit / w.current()));
      return window - intoWindow + x + 1;
    }
    if (w.previous() == 0) {
      return 0;
    }
    long x = (long) Math.ceil(window * (1 - (double) (limit - w.current()) / w.previous()));
    return Math.max(0, x - intoWindow + 1);
  }

  /** Adds to the key's entry if it stays within the limit; returns the entry's key, or null. */
  private String change(String key, int limit, long now, int done, int underWay) {
    String entry = tracked(key, now);
    boolean[] changed = {false};
    keys.compute(entry, (k, w) -> {
      Windows r = roll(w, now);
      if (estimate(r, now) + r.inFlight() >= limit) {
        return w;
      }
      changed[0] = true;
      return new Windows(r.start(), r.previous(), r.current() + done, r.inFlight() + underWay);
    });
    return changed[0] ? entry : null;
  }

  int size() {
    return keys.size();
  }

  /** The count within the last window, of a key's windows rolled to {@code now}. */
  private double estimate(Windows rolled, long now) {
    double leftOfPrevious = 1 - (double) (now - rolled.start()) / window;
    return rolled.previous() * leftOfPrevious + rolled.current();
  }

  private Windows roll(Windows w, long now) {
    if (w == null) {
      return new Windows(now, 0, 0, 0);
    }
    if (now < w.start()) {
      // The clock went back: counting from scratch beats waiting for the old start.
      return new Windows(now, 0, 0, w.inFlight());
    }
    long elapsed = (now - w.start()) / window;
    if (elapsed == 0) {
      return w;
    }
    return new Windows(w.start() + elapsed * window, elapsed == 1 ? w.current() : 0, 0, w.inFlight());
  }

  /** The key itself if it is tracked or there is room for it, else the shared overflow entry. */
  private String tracked(String key, long now) {
    if (keys.containsKey(key) || keys.size() < maxKeys - 1) {
      return key;
    }
    sweep(now);
    return keys.size() < maxKeys - 1 ? key : OVERFLOW;
  }

  private void sweep(long now) {
    long last = lastSweep.get();
    boolean sweptLately = last != NEVER && now >= last && now - last < window / 60;
    if (sweptLately || !lastSweep.compareAndSet(last, now)) {
      return;
    }
    keys.forEach((key, w) -> {
      Windows rolled = roll(w, now);
      if (rolled.inFlight() == 0 && estimate(rolled, now) == 0) {
        keys.remove(key, w);
      }
    });
  }
}
