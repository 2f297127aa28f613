package broadsheet.newsroom.articles;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Line-by-line differences between two texts, for showing what a revision changed. */
public final class RevisionDiff {
    private RevisionDiff() {}

    /** A line kept (' '), only in the old text ('-') or only in the new one ('+'). */
    public record Line(char op, String text) {
        public String kind() {
            return op == '-' ? "del" : op == '+' ? "ins" : "same";
        }
    }

    static List<Line> lines(String older, String newer) {
        List<String> a = split(older);
        List<String> b = split(newer);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<Line> out = new ArrayList<>();
        int i = 0;
        for (AbstractDelta<String> d : patch.getDeltas()) {
            int at = d.getSource().getPosition();
            while (i < at) out.add(new Line(' ', a.get(i++)));
            d.getSource().getLines().forEach(l -> out.add(new Line('-', l)));
            d.getTarget().getLines().forEach(l -> out.add(new Line('+', l)));
            i = at + d.getSource().size();
        }
        while (i < a.size()) out.add(new Line(' ', a.get(i++)));
        return out;
    }

    static boolean changed(List<Line> lines) {
        return lines.stream().anyMatch(l -> l.op() != ' ');
    }

    private static List<String> split(String s) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split("\n", -1));
    }
}
