package org.footdrop.outcomes.derivation;

/** Analysis windows: day ranges after day 0 (inclusive) and the target day within each. */
public enum Window {
    WEEK_2(14, 10, 18),
    WEEK_6(42, 35, 49),
    WEEK_12(84, 70, 98),
    WEEK_24(168, 147, 189),
    WEEK_52(364, 322, 406);

    private final int targetDay;
    private final int firstDay;
    private final int lastDay;

    Window(int targetDay, int firstDay, int lastDay) {
        this.targetDay = targetDay;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
    }

    public int targetDay() {
        return targetDay;
    }

    public int firstDay() {
        return firstDay;
    }

    public int lastDay() {
        return lastDay;
    }

    public boolean contains(long day) {
        return day >= firstDay && day <= lastDay;
    }
}
