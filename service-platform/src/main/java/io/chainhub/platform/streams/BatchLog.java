package io.chainhub.platform.streams;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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

        private Batch batch;

        /** Whether a batch holds this entry (a store may forget an unlogged entry outright). */
        public boolean logged() {
            return batch != null;
        }
    }

    /** One batch record: its number, the entries written into it, how many of them are still latest there. */
    private static final class Batch {
        final long seq;
        final List<Entry> members;
        int live;

        Batch(long seq, int size) {
            this.seq = seq;
            this.members = new ArrayList<>(size);
        }
    }

    private final Set<Batch> sparse = new LinkedHashSet<>();
    private final List<Long> dead = new ArrayList<>();
    private long next;
    private int batches;

    /** The sequence number for the next batch: above every batch assigned so far. */
    public long nextBatch() {
        return next;
    }

    /**
     * The latest write of each of {@code entries} is now in batch {@code seq} (written at commit, or read on load);
     * an entry may be listed more than once.
     */
    public void assign(List<E> entries, long seq) {
        Batch batch = new Batch(seq, entries.size());
        batches++;
        for (E entry : entries) {
            Entry logged = entry; // the field is read through the class, not the type variable
            if (logged.batch == batch) {
                continue; // written twice into this batch: the later write is the one read back
            }
            release(entry);
            logged.batch = batch;
            batch.members.add(logged);
            batch.live++;
        }
        next = Math.max(next, seq + 1);
        if (batch.live == 0) {
            died(batch);
        }
    }

    /** {@code entry} left the store (expired), or is about to be written again: its batch no longer holds it. */
    public void release(E entry) {
        Entry logged = entry;
        Batch batch = logged.batch;
        if (batch == null) {
            return;
        }
        logged.batch = null;
        if (--batch.live == 0) {
            died(batch);
        } else if (batch.live * 2 < batch.members.size()) {
            sparse.add(batch);
        }
    }

    private void died(Batch batch) {
        batches--;
        sparse.remove(batch);
        dead.add(batch.seq);
    }

    /** The entries still latest in sparse batches, to be written into the next batch; forgets the marks. */
    @SuppressWarnings("unchecked")
    public List<E> takeSparse() {
        List<E> again = new ArrayList<>();
        for (Batch batch : sparse) {
            for (Entry entry : batch.members) {
                if (entry.batch == batch) {
                    again.add((E) entry);
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
        return batches;
    }

    /** Forgets everything (the store reloads from the batches below and drops its entries). */
    public void clear() {
        sparse.clear();
        dead.clear();
        next = 0;
        batches = 0;
    }
}
