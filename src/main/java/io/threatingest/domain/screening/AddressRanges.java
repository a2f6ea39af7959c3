package io.threatingest.domain.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * CIDR lists: every listed range of one family cut into disjoint segments, each with the set of lists covering it,
 * sorted by first address; a lookup is one binary search. IPv4 positions are {@code long}s, IPv6 ones two
 * {@code long}s (high and low 64 bits, compared unsigned). Neighbouring segments with the same lists are merged.
 */
final class AddressRanges {

    /** Longest run of segments a range value (a CIDR) is checked against; longer ones match nothing. */
    static final int MAX_SEGMENTS_SCANNED = 65_536;

    private final long[] v4Starts;
    private final int[] v4Values;
    private final long[] v6High;
    private final long[] v6Low;
    private final int[] v6Values;
    private final ListSets sets;
    /** For each value of an IPv4 address's first 16 bits, the first segment starting at or after it. */
    private final int[] v4Buckets;

    private AddressRanges(long[] v4Starts, int[] v4Values, long[] v6High, long[] v6Low, int[] v6Values,
            ListSets sets) {
        this.v4Starts = v4Starts;
        this.v4Buckets = new int[65537];
        for (int bucket = 0, segment = 0; bucket <= 65536; bucket++) {
            while (segment < v4Starts.length && v4Starts[segment] < ((long) bucket << 16)) {
                segment++;
            }
            v4Buckets[bucket] = segment;
        }
        this.v4Values = v4Values;
        this.v6High = v6High;
        this.v6Low = v6Low;
        this.v6Values = v6Values;
        this.sets = sets;
    }

    boolean isEmpty() {
        return v4Starts.length == 0 && v6High.length == 0;
    }

    long bytes() {
        return 12L * v4Starts.length + 4L * v4Buckets.length + 20L * v6High.length;
    }

    /** Adds the lists covering every address from {@code first} to {@code last} (one family). */
    void covering(Address first, Address last, Hits found) {
        int at = first.v4() ? floor(first.low()) : floor(first.high(), first.low());
        if (at < 0) {
            return;
        }
        int[] values = first.v4() ? v4Values : v6Values;
        int[] common = sets.members(values[at]);
        for (int i = at + 1, scanned = 0; i < values.length && common.length > 0 && (first.v4()
                ? v4Starts[i] <= last.low()
                : compare(v6High[i], v6Low[i], last.high(), last.low()) <= 0); i++, scanned++) {
            if (scanned >= MAX_SEGMENTS_SCANNED) {
                return;
            }
            common = intersect(common, sets.members(values[i]));
        }
        for (int list : common) {
            found.add(list);
        }
    }

    /** The lists covering one address. */
    int containing(Address address) {
        if (address.v4()) {
            int at = floor(address.low());
            return at < 0 ? ListSets.NONE : v4Values[at];
        }
        int at = floor(address.high(), address.low());
        return at < 0 ? ListSets.NONE : v6Values[at];
    }

    private static int[] intersect(int[] left, int[] right) {
        int[] common = new int[Math.min(left.length, right.length)];
        int n = 0;
        for (int i = 0, j = 0; i < left.length && j < right.length;) {
            if (left[i] == right[j]) {
                common[n++] = left[i];
                i++;
                j++;
            } else if (left[i] < right[j]) {
                i++;
            } else {
                j++;
            }
        }
        return Arrays.copyOf(common, n);
    }

    private int floor(long position) {
        // the segments starting within this address's /16, and the one before them (which may cover it)
        int bucket = (int) (position >>> 16);
        int from = v4Buckets[bucket];
        int to = v4Buckets[bucket + 1];
        if (from == to) {
            return from - 1;
        }
        int at = Arrays.binarySearch(v4Starts, from, to, position);
        return at >= 0 ? at : -at - 2;
    }

    private int floor(long high, long low) {
        int lo = 0;
        int hi = v6High.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(v6High[mid], v6Low[mid], high, low) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    static int compare(long aHigh, long aLow, long bHigh, long bLow) {
        int c = Long.compareUnsigned(aHigh, bHigh);
        return c != 0 ? c : Long.compareUnsigned(aLow, bLow);
    }

    /**
     * An address as 128 bits; an IPv4 address has {@code high} 0 and its 32 bits in {@code low}.
     */
    record Address(boolean v4, long high, long low) {
    }

    /** Collects ranges, then cuts them into segments. */
    static final class Builder {

        private long[] v4Events = new long[64];
        private int v4Count;
        private final List<long[]> v6Events = new ArrayList<>();
        private int lists;

        /** The range from {@code first} to {@code last} (same family) is listed by {@code list}. */
        void add(Address first, Address last, int list) {
            lists = Math.max(lists, list + 1);
            if (first.v4()) {
                if (v4Count + 2 > v4Events.length) {
                    v4Events = Arrays.copyOf(v4Events, v4Events.length * 2);
                }
                // position (33 bits), start flag, list (29 bits)
                v4Events[v4Count++] = (first.low() << 30) | (1L << 29) | list;
                v4Events[v4Count++] = ((last.low() + 1) << 30) | list;
                return;
            }
            v6Events.add(new long[]{ first.high(), first.low(), 1, list });
            long endLow = last.low() + 1;
            long endHigh = endLow == 0 ? last.high() + 1 : last.high();
            if (!(endLow == 0 && endHigh == 0)) {
                v6Events.add(new long[]{ endHigh, endLow, 0, list });
            }
        }

        AddressRanges build(ListSets sets) {
            long[] events = Arrays.copyOf(v4Events, v4Count);
            v4Events = null;
            Arrays.sort(events);
            Sweep v4 = new Sweep(lists, sets);
            for (int i = 0; i < events.length;) {
                long position = events[i] >>> 30;
                while (i < events.length && events[i] >>> 30 == position) {
                    v4.apply((events[i] & (1L << 29)) != 0, (int) (events[i] & ((1L << 29) - 1)));
                    i++;
                }
                v4.emit(0, position);
            }
            v6Events.sort((a, b) -> compare(a[0], a[1], b[0], b[1]));
            Sweep v6 = new Sweep(lists, sets);
            for (int i = 0; i < v6Events.size();) {
                long[] at = v6Events.get(i);
                while (i < v6Events.size() && v6Events.get(i)[0] == at[0] && v6Events.get(i)[1] == at[1]) {
                    v6.apply(v6Events.get(i)[2] == 1, (int) v6Events.get(i)[3]);
                    i++;
                }
                v6.emit(at[0], at[1]);
            }
            return new AddressRanges(Arrays.copyOf(v4.lows, v4.size), Arrays.copyOf(v4.values, v4.size),
                    Arrays.copyOf(v6.highs, v6.size), Arrays.copyOf(v6.lows, v6.size),
                    Arrays.copyOf(v6.values, v6.size), sets);
        }
    }

    /** The lists open at the current position, and the segments emitted so far. */
    private static final class Sweep {

        final int[] counts;
        final ListSets sets;
        int[] active = new int[8];
        int activeCount;
        long[] highs = new long[16];
        long[] lows = new long[16];
        int[] values = new int[16];
        int size;

        Sweep(int lists, ListSets sets) {
            this.counts = new int[lists];
            this.sets = sets;
        }

        void apply(boolean start, int list) {
            if (start) {
                if (counts[list]++ == 0) {
                    int at = Arrays.binarySearch(active, 0, activeCount, list);
                    int insert = -at - 1;
                    if (activeCount == active.length) {
                        active = Arrays.copyOf(active, active.length * 2);
                    }
                    System.arraycopy(active, insert, active, insert + 1, activeCount - insert);
                    active[insert] = list;
                    activeCount++;
                }
            } else if (--counts[list] == 0) {
                int at = Arrays.binarySearch(active, 0, activeCount, list);
                System.arraycopy(active, at + 1, active, at, activeCount - at - 1);
                activeCount--;
            }
        }

        void emit(long high, long low) {
            int value = sets.of(Arrays.copyOf(active, activeCount));
            if (size > 0 && values[size - 1] == value) {
                return;
            }
            if (size == 0 && value == ListSets.NONE) {
                return;
            }
            if (size == highs.length) {
                highs = Arrays.copyOf(highs, size * 2);
                lows = Arrays.copyOf(lows, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            highs[size] = high;
            lows[size] = low;
            values[size] = value;
            size++;
        }
    }
}
