package io.threatingest.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds indicators in free text, defanged ones included, in time linear in the text's length. The forms recognised
 * and the choices made are in {@code docs/extraction.md}.
 *
 * <p>
 * One pass, left to right. At each offset where a word starts, three recognisers are tried in turn: a URL, a
 * colon-separated address (IPv6, MAC) and a chain of words joined by dots and at signs (IPv4, CIDR, domain,
 * e-mail, hashes, CVE, AS number). A match is reported and skipped over, so nothing inside a URL is reported
 * again. Each recogniser keeps a fence: how far it has already read. It never starts again before its fence, so
 * each character is read a bounded number of times whatever the input, and no recogniser recurses or backtracks.
 * Every candidate is checked against the service's own validation before it is reported.
 */
public final class IndicatorExtractor {

    /** Every indicator in the text, in the order they appear; a value found twice is reported twice. */
    public List<FoundIndicator> find(CharSequence text) {
        List<FoundIndicator> found = new ArrayList<>();
        int n = text.length();
        int urlFence = 0;
        int colonFence = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Chars.isAtomBefore(text, i) || !(Chars.isAtomAt(text, i) || c == ':')) {
                i++;
                continue;
            }
            if (i >= urlFence && Chars.isAsciiLetter(c)) {
                UrlScanner.Candidate url = UrlScanner.at(text, i);
                if (url != null) {
                    FoundIndicator indicator = url(text, url);
                    if (indicator != null) {
                        found.add(indicator);
                        i = url.end();
                        continue;
                    }
                    // Not a URL the service takes: read what is in it as plain text, but never as a URL again.
                    urlFence = url.scanned();
                }
            }
            if (i >= colonFence && (Chars.isHex(c) || c == ':') && !isColonOrDotBefore(text, i)) {
                ColonRunScanner.Result run = ColonRunScanner.at(text, i);
                colonFence = run.scanned();
                if (run.found() != null) {
                    found.add(run.found());
                    i = run.found().end();
                    continue;
                }
            }
            if (c == ':') {
                i++;
                continue;
            }
            NameChain chain = NameChain.read(text, i);
            NameChainClassifier.Result result = NameChainClassifier.classify(text, chain);
            if (result.found() != null) {
                found.add(result.found());
            }
            i = Math.max(result.end(), i + 1);
        }
        return found;
    }

    private static FoundIndicator url(CharSequence text, UrlScanner.Candidate url) {
        String found = text.subSequence(url.start(), url.end()).toString();
        String value = ServiceRules.refang("url", found);
        return ServiceRules.accepts("url", value)
                ? new FoundIndicator("url", found, value, url.start(), url.end())
                : null;
    }

    private static boolean isColonOrDotBefore(CharSequence text, int i) {
        return i > 0 && (text.charAt(i - 1) == ':' || text.charAt(i - 1) == '.');
    }
}
