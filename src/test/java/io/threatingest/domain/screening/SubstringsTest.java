package io.threatingest.domain.screening;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The automaton finds exactly the lists with an entry inside a text, whether it reads ASCII characters from its
 * dense table (small automata) or follows failure links through its hash table (large automata, other characters).
 */
class SubstringsTest {

    /** Few letters, so that entries overlap and share prefixes and suffixes; one of them is not ASCII. */
    private static final String ALPHABET = "abcab.-é";

    @ParameterizedTest
    @ValueSource(ints = { 300, 6_000 })
    void findsTheListsOfEveryEntryInsideTheText(int entries) {
        SplittableRandom random = new SplittableRandom(entries);
        List<List<String>> lists = new ArrayList<>();
        Substrings.Builder builder = new Substrings.Builder();
        ListSets sets = new ListSets();
        for (int list = 0; list < 5; list++) {
            List<String> words = new ArrayList<>();
            for (int i = 0; i < entries / 5; i++) {
                String word = word(random, 2 + random.nextInt(entries > 1_000 ? 12 : 5));
                words.add(word);
                builder.add(word, list, sets);
            }
            lists.add(words);
        }
        Substrings automaton = builder.build(sets);
        assertEquals(entries < 1_000, automaton.allDense(), "both ways of reading a text are exercised");
        for (int t = 0; t < 2_000; t++) {
            String text = word(random, random.nextInt(40));
            Hits found = new Hits();
            automaton.find(text, found);
            TreeSet<Integer> expected = new TreeSet<>();
            for (int list = 0; list < lists.size(); list++) {
                for (String word : lists.get(list)) {
                    if (text.contains(word)) {
                        expected.add(list);
                    }
                }
            }
            assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), found.toArray(), text);
        }
    }

    private static String word(SplittableRandom random, int length) {
        StringBuilder word = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            word.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return word.toString();
    }
}
