package io.threatingest.domain.screening;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import io.threatingest.domain.DataType;
import io.threatingest.domain.value.GoText;
import io.threatingest.domain.value.IpAddress;

/**
 * Every loaded list, indexed for lookups of normalised values: exact entries and host names in hash tables of UTF-8
 * bytes, CIDR ranges as sorted disjoint segments, substrings in Aho-Corasick automata (one per set of data types),
 * regular expressions with RE2/J. Immutable once built; lookups may run on any thread.
 */
public final class ScreeningIndex {

    /** Longest regular expression entry, in UTF-8 bytes (as for Regex values: the RE2 parser is quadratic). */
    public static final int MAX_REGEX_BYTES = 16_384;
    /** Most regular expression entries over all lists: each runs on every value it applies to. */
    public static final int MAX_REGEX_ENTRIES = 1_000;

    public static final ScreeningIndex EMPTY = build(List.of());

    private final List<ListInfo> lists;
    private final ListSets sets;
    private final NameTable exact;
    private final NameTable hosts;
    private final AddressRanges ranges;
    /**
     * Per data type, an automaton of the substring lists that apply to it (null: none), so that a value walks only
     * the entries that can match it: e-mail lists of thousands of entries stay out of a host name's way.
     */
    private final Substrings[] substringsFor;
    private final Pattern[] regexes;
    private final int[] regexLists;
    private final boolean[][] applies;
    /** Per data type: whether any list of that kind applies at all, so that a lookup skips the others. */
    private final boolean[] exactFor;
    private final boolean[] regexFor;

    /** A list without its entries: what the index keeps of it. */
    public record ListInfo(String key, String name, String version, ListType type, int entries,
            WarningList definition) {
    }

    private ScreeningIndex(List<ListInfo> lists, ListSets sets, NameTable exact, NameTable hosts,
            AddressRanges ranges, Substrings[] substringsFor, Pattern[] regexes, int[] regexLists) {
        this.lists = List.copyOf(lists);
        this.sets = sets;
        this.exact = exact;
        this.hosts = hosts;
        this.ranges = ranges;
        this.substringsFor = substringsFor;
        this.regexes = regexes;
        this.regexLists = regexLists;
        this.applies = new boolean[lists.size()][DataType.values().length];
        this.exactFor = new boolean[DataType.values().length];
        this.regexFor = new boolean[DataType.values().length];
        for (int i = 0; i < lists.size(); i++) {
            for (DataType type : DataType.values()) {
                boolean applied = lists.get(i).definition().appliesTo(type);
                applies[i][type.ordinal()] = applied;
                ListType kind = lists.get(i).type();
                exactFor[type.ordinal()] |= applied && kind == ListType.STRING;
                regexFor[type.ordinal()] |= applied && kind == ListType.REGEX;
            }
        }
    }

    public List<ListInfo> lists() {
        return lists;
    }

    public boolean isEmpty() {
        return lists.isEmpty();
    }

    /** Entries over every list. */
    public long entries() {
        return lists.stream().mapToLong(ListInfo::entries).sum();
    }

    /** Bytes held by the lookup structures (not counting the regular expressions), for the memory figures. */
    public long bytes() {
        return exact.bytes() + hosts.bytes() + ranges.bytes()
                + Arrays.stream(substringsFor).filter(Objects::nonNull).distinct().mapToLong(Substrings::bytes).sum();
    }

    /**
     * Builds the index; an entry that is not one of its list's type (a CIDR that is not one, a regular expression
     * that does not compile) fails with an {@link IllegalArgumentException} naming the list and the entry.
     */
    public static ScreeningIndex build(List<WarningList> lists) {
        ListSets sets = new ListSets();
        NameTable exact = new NameTable();
        NameTable hosts = new NameTable();
        AddressRanges.Builder ranges = new AddressRanges.Builder();
        Map<Integer, List<String>> substrings = new LinkedHashMap<>();
        List<Pattern> regexes = new ArrayList<>();
        List<Integer> regexLists = new ArrayList<>();
        List<ListInfo> infos = new ArrayList<>();
        for (int index = 0; index < lists.size(); index++) {
            WarningList list = lists.get(index);
            int count = 0;
            for (String raw : list.entries()) {
                String entry = raw == null ? "" : raw.strip();
                if (entry.isEmpty()) {
                    continue;
                }
                try {
                    switch (list.type()) {
                        case STRING -> put(exact, entry, index, sets);
                        case HOSTNAME -> {
                            String name = hostEntry(entry);
                            if (name.isEmpty()) {
                                continue;
                            }
                            put(hosts, name, index, sets);
                        }
                        case CIDR -> {
                            AddressRanges.Address[] range = range(entry);
                            if (range == null) {
                                throw new IllegalArgumentException("not an IP address or CIDR range");
                            }
                            ranges.add(range[0], range[1], index);
                        }
                        case SUBSTRING -> substrings.computeIfAbsent(index, key -> new ArrayList<>()).add(entry);
                        case REGEX -> {
                            if (regexes.size() >= MAX_REGEX_ENTRIES) {
                                throw new IllegalArgumentException("more than " + MAX_REGEX_ENTRIES
                                        + " regular expressions over all lists");
                            }
                            regexes.add(regex(entry));
                            regexLists.add(index);
                        }
                    }
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("list " + list.key() + ": entry '" + shorten(entry) + "': "
                            + e.getMessage(), e);
                }
                count++;
            }
            infos.add(new ListInfo(list.key(), list.name(), list.version(), list.type(), count, new WarningList(
                    list.key(), list.name(), list.version(), list.description(), list.type(), list.category(),
                    list.dataTypes(), List.of())));
        }
        exact.trim();
        hosts.trim();
        AddressRanges built = ranges.build(sets);
        Substrings[] automata = substringsByType(lists, substrings, sets);
        sets.freeze();
        return new ScreeningIndex(infos, sets, exact, hosts, built, automata, regexes.toArray(new Pattern[0]),
                regexLists.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * One automaton per distinct set of substring lists that apply to a data type (data types with the same set
     * share it); a list that applies to data types of different sets is in each of their automata.
     */
    private static Substrings[] substringsByType(List<WarningList> lists, Map<Integer, List<String>> entries,
            ListSets sets) {
        Substrings[] byType = new Substrings[DataType.values().length];
        Map<List<Integer>, Substrings> built = new HashMap<>();
        for (DataType type : DataType.values()) {
            List<Integer> applying = entries.keySet().stream().filter(list -> lists.get(list).appliesTo(type))
                    .toList();
            if (!applying.isEmpty()) {
                byType[type.ordinal()] = built.computeIfAbsent(applying, key -> {
                    Substrings.Builder automaton = new Substrings.Builder();
                    for (int list : key) {
                        for (String entry : entries.get(list)) {
                            automaton.add(entry, list, sets);
                        }
                    }
                    return automaton.build(sets);
                });
            }
        }
        return byType;
    }

    /** Checks the entries of a list as {@link #build} would, without building anything. */
    public static void check(WarningList list) {
        int regexCount = 0;
        for (String raw : list.entries()) {
            String entry = raw == null ? "" : raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            try {
                if (list.type() == ListType.CIDR && range(entry) == null) {
                    throw new IllegalArgumentException("not an IP address or CIDR range");
                }
                if (list.type() == ListType.REGEX) {
                    if (++regexCount > MAX_REGEX_ENTRIES) {
                        throw new IllegalArgumentException("more than " + MAX_REGEX_ENTRIES + " regular expressions");
                    }
                    regex(entry);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("list " + list.key() + ": entry '" + shorten(entry) + "': "
                        + e.getMessage(), e);
            }
        }
    }

    /**
     * The lists a normalised value of this data type matches, as sorted indexes into {@link #lists()}; an empty
     * array when none does.
     */
    public int[] match(DataType type, String text) {
        if (lists.isEmpty() || text == null || text.isEmpty()) {
            return ListSets.EMPTY;
        }
        Hits hits = new Hits();
        int t = type.ordinal();
        byte[] bytes = null;
        int exactHash = 0;
        long exactFirst = 0;
        if (exactFor[t]) {
            // the exact table's slot is read now and compared last, so that its fetch overlaps the host names' ones
            bytes = text.getBytes(StandardCharsets.UTF_8);
            exactHash = NameTable.hash(bytes, 0, bytes.length);
            exactFirst = exact.first(exactHash);
        }
        switch (type) {
            case FQDN -> host(bytes != null ? bytes : text.getBytes(StandardCharsets.UTF_8), hits, t, -1);
            case URL -> {
                String host = urlHost(text);
                if (host != null) {
                    IpAddress ip = host.startsWith("[")
                            ? IpAddress.parse(host.substring(1, host.length() - 1))
                            : IpAddress.parse(host);
                    if (ip != null) {
                        address(ip, ip.writtenAsIpv4() ? 32 : 128, hits, t, DataType.IP.ordinal());
                    } else {
                        host(host, hits, t, DataType.FQDN.ordinal());
                    }
                }
            }
            case EMAIL -> {
                int at = text.lastIndexOf('@');
                if (at >= 0) {
                    host(text.substring(at + 1), hits, t, DataType.FQDN.ordinal());
                }
            }
            case IP -> {
                IpAddress ip = IpAddress.parse(text);
                if (ip != null) {
                    address(ip, ip.writtenAsIpv4() ? 32 : 128, hits, t, -1);
                }
            }
            case CIDR -> {
                int slash = text.indexOf('/');
                IpAddress ip = slash < 0 ? null : IpAddress.parse(text.substring(0, slash));
                if (ip != null) {
                    address(ip, Integer.parseInt(text.substring(slash + 1)), hits, t, -1);
                }
            }
            default -> {
            }
        }
        if (bytes != null) {
            add(hits, exact.get(exactHash, exactFirst, bytes, 0, bytes.length), t, -1);
        }
        if (substringsFor[t] != null) {
            // every list of this automaton applies to the data type
            substringsFor[t].find(text, hits);
        }
        for (int i = 0; regexFor[t] && i < regexes.length; i++) {
            if (applies[regexLists[i]][t] && regexes[i].matcher(text).find()) {
                hits.add(regexLists[i]);
            }
        }
        return hits.isEmpty() ? ListSets.EMPTY : hits.toArray();
    }

    /** Adds the lists of {@code value} that apply to data type {@code t}, or else to {@code also}. */
    private void add(Hits hits, int value, int t, int also) {
        if (value == ListSets.NONE) {
            return;
        }
        if (value >= 0) {
            if (applies[value][t] || (also >= 0 && applies[value][also])) {
                hits.add(value);
            }
            return;
        }
        for (int list : sets.members(value)) {
            if (applies[list][t] || (also >= 0 && applies[list][also])) {
                hits.add(list);
            }
        }
    }

    /** The name and every name it lies below: {@code a.b.example.com}, {@code b.example.com}, ... {@code com}. */
    private void host(String name, Hits hits, int t, int also) {
        host(name.getBytes(StandardCharsets.UTF_8), hits, t, also);
    }

    private void host(byte[] bytes, Hits hits, int t, int also) {
        if (hosts.size() == 0) {
            return;
        }
        int end = bytes.length;
        if (end > 0 && bytes[end - 1] == '.') {
            end--;
        }
        int names = 0;
        for (int from = 0; from < end; from = next(bytes, from, end)) {
            names++;
        }
        int[] starts = new int[names];
        int[] hashes = new int[names];
        long[] firsts = new long[names];
        for (int i = 0, from = 0; i < names; i++, from = next(bytes, from, end)) {
            starts[i] = from;
        }
        // each name's hash goes on from its parent's: one pass over the bytes from the right
        int h = NameTable.SEED;
        for (int i = names - 1; i >= 0; i--) {
            h = NameTable.extend(h, bytes, starts[i], i == names - 1 ? end : starts[i + 1]);
            hashes[i] = NameTable.finish(h);
        }
        for (int i = 0; i < names; i++) {
            firsts[i] = hosts.first(hashes[i]);
        }
        for (int i = 0; i < names; i++) {
            add(hits, hosts.get(hashes[i], firsts[i], bytes, starts[i], end), t, also);
        }
    }

    /** Where the name above the one starting at {@code from} starts: past its next dot, or past {@code end}. */
    private static int next(byte[] bytes, int from, int end) {
        int dot = from;
        while (dot < end && bytes[dot] != '.') {
            dot++;
        }
        return dot + 1;
    }

    private void address(IpAddress ip, int prefix, Hits hits, int t, int also) {
        if (ranges.isEmpty()) {
            return;
        }
        AddressRanges.Address[] range = range(ip, prefix);
        Hits found = new Hits();
        ranges.covering(range[0], range[1], found);
        for (int list : found.toArray()) {
            if (applies[list][t] || (also >= 0 && applies[list][also])) {
                hits.add(list);
            }
        }
    }

    /** The host of a normalised URL ({@code scheme://[user@]host[:port]/...}), or {@code null}. */
    static String urlHost(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return null;
        }
        int from = scheme + 3;
        int to = from;
        while (to < url.length() && "/?#".indexOf(url.charAt(to)) < 0) {
            to++;
        }
        int at = url.lastIndexOf('@', to - 1);
        if (at >= from) {
            from = at + 1;
        }
        if (from < to && url.charAt(from) == '[') {
            int close = url.indexOf(']', from);
            return close < 0 || close >= to ? null : url.substring(from, close + 1);
        }
        int colon = url.lastIndexOf(':', to - 1);
        if (colon >= from) {
            to = colon;
        }
        return from < to ? GoText.lower(url.substring(from, to)) : null;
    }

    /** A hostname entry as matched: lower case, without a leading {@code *.} or {@code .} and a trailing dot. */
    static String hostEntry(String entry) {
        String name = GoText.lower(entry);
        if (name.startsWith("*.")) {
            name = name.substring(2);
        }
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        while (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        return name;
    }

    /** An address or CIDR entry as its first and last address, or {@code null}. */
    static AddressRanges.Address[] range(String entry) {
        int slash = entry.indexOf('/');
        IpAddress ip = IpAddress.parse(slash < 0 ? entry : entry.substring(0, slash));
        if (ip == null) {
            return null;
        }
        int bits = ip.writtenAsIpv4() ? 32 : 128;
        int prefix = bits;
        if (slash >= 0) {
            String digits = entry.substring(slash + 1);
            if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            prefix = Integer.parseInt(digits);
            if (prefix > bits) {
                return null;
            }
        }
        return range(ip, prefix);
    }

    private static AddressRanges.Address[] range(IpAddress ip, int prefix) {
        if (ip.writtenAsIpv4()) {
            long value = 0;
            for (int i = 12; i < 16; i++) {
                value = (value << 8) | ip.byteAt(i);
            }
            long hostBits = prefix >= 32 ? 0 : (1L << (32 - prefix)) - 1;
            return new AddressRanges.Address[]{ new AddressRanges.Address(true, 0, value & ~hostBits),
                    new AddressRanges.Address(true, 0, value | hostBits) };
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | ip.byteAt(i);
            low = (low << 8) | ip.byteAt(i + 8);
        }
        long highMask = prefix >= 64 ? -1L : prefix == 0 ? 0 : -1L << (64 - prefix);
        long lowMask = prefix <= 64 ? 0 : prefix >= 128 ? -1L : -1L << (128 - prefix);
        return new AddressRanges.Address[]{ new AddressRanges.Address(false, high & highMask, low & lowMask),
                new AddressRanges.Address(false, high | ~highMask, low | ~lowMask) };
    }

    /** A regular expression entry: RE2 syntax, or {@code /pattern/flags} with flags among {@code i m s g u}. */
    static Pattern regex(String entry) {
        String body = entry;
        int flags = 0;
        int last = entry.lastIndexOf('/');
        if (entry.startsWith("/") && last > 0) {
            body = entry.substring(1, last);
            for (char flag : entry.substring(last + 1).toCharArray()) {
                switch (flag) {
                    case 'i' -> flags |= Pattern.CASE_INSENSITIVE;
                    case 'm' -> flags |= Pattern.MULTILINE;
                    case 's' -> flags |= Pattern.DOTALL;
                    case 'g', 'u' -> {
                    }
                    default -> throw new IllegalArgumentException("unknown regular expression flag " + flag);
                }
            }
        }
        if (GoText.utf8Length(body) > MAX_REGEX_BYTES) {
            throw new IllegalArgumentException("a regular expression longer than " + MAX_REGEX_BYTES + " bytes");
        }
        try {
            return Pattern.compile(body, flags);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("not a valid regular expression: " + e.getDescription());
        }
    }

    private static void put(NameTable table, String key, int list, ListSets sets) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        table.put(bytes, 0, bytes.length, list, sets);
    }

    private static String shorten(String entry) {
        return entry.length() <= 100 ? entry : entry.substring(0, 100) + "...";
    }
}
