package io.chainhub.platform.streams;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bookkeeping of a store whose changelog is written in batches: at each commit one record (a batch, keyed
 * by a rising sequence number) carries every entry the commit changed, instead of one record per entry. That
 * is cheap to write, but the changelog can no longer be compacted by key, so this class says which batches may
 * go:
 * <ul>
 *   <li>each entry knows the batch that holds its latest write; a batch none of whose entries is latest there
 *       any more is <em>dead</em> and is deleted (a tombstone, which compaction then removes);</li>
 *   <li>a batch whose entries are mostly (more than half) written again later is <em>sparse</em>: the entries
 *       still latest there are written again into the next batch, after which it is dead. So the changelog
 *       holds at most about twice the live entries, and restoring it reads about that much.</li>
 * </ul>
 * Not thread-safe: the stream thread owns it (and a loader, before it hands the store over).
 *
 * @param <E> the store's entries
 */
public final class BatchLog<E extends BatchLog.Entry> {

    /** An entry of a store logged in batches: remembers the batch that holds its latest write. */
    public abstract static class Entry {

        private long batch = -1;

        /** Whether a batch holds this entry (a store may forget an unlogged entry outright). */
        public boolean logged() {
            return batch >= 0;
        }
    }

    private static final class Batch<E> {
        final List<E> members = new ArrayList<>();
        int live;
    }

    private final Map<Long, Batch<E>> batches = new HashMap<>();
    private final Set<Long> sparse = new LinkedHashSet<>();
    private final List<Long> dead = new ArrayList<>();
    private long next;

    /** The sequence number for the next batch: above every batch assigned so far. */
    public long nextBatch() {
        return next;
    }

    /** {@code entry}'s latest write is now in {@code batch} (written at commit, or read back on load). */
    public void assign(E entry, long batch) {
        release(entry);
        Batch<E> holder = batches.computeIfAbsent(batch, seq -> new Batch<>());
        holder.members.add(entry);
        holder.live++;
        ((Entry) entry).batch = batch;
        next = Math.max(next, batch + 1);
    }

    /** {@code entry} left the store (expired): no batch needs to hold it any more. */
    public void release(E entry) {
        Entry logged = entry; // the field is read through the class, not the type variable
        long seq = logged.batch;
        if (seq < 0) {
            return;
        }
        logged.batch = -1;
        Batch<E> holder = batches.get(seq);
        if (--holder.live == 0) {
            batches.remove(seq);
            sparse.remove(seq);
            dead.add(seq);
        } else if (holder.live * 2 < holder.members.size()) {
            sparse.add(seq);
        }
    }

    /** The entries still latest in sparse batches, to be written into the next batch; forgets the marks. */
    public List<E> takeSparse() {
        List<E> again = new ArrayList<>();
        for (long seq : sparse) {
            for (E entry : batches.get(seq).members) {
                if (((Entry) entry).batch == seq) {
                    again.add(entry);
                }
            }
        }
        sparse.clear();
        return again;
    }

    /** The batches nothing is latest in any more, to be deleted from the store; forgets them. */
    public List<Long> takeDead() {
        List<Long> gone = List.copyOf(dead);
        dead.clear();
        return gone;
    }

    /** How many batches hold a latest write. */
    public int batches() {
        return batches.size();
    }

    /** Forgets everything (the store reloads from the batches below). Entries still pointing here are dropped too. */
    public void clear() {
        batches.clear();
        sparse.clear();
        dead.clear();
        next = 0;
    }
}
