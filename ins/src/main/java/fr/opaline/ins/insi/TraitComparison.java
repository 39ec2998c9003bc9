package fr.opaline.ins.insi;

/** One trait side by side: the local value, the one INSi returned, and whether they concord. */
public record TraitComparison(String trait, String local, String insi, Concordance concordance) {

    public enum Concordance {
        IDENTIQUE("identique"), DIFFERENT("différent"), ABSENT_LOCALEMENT("non renseigné localement");

        private final String label;

        Concordance(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean concords() {
        return concordance == Concordance.IDENTIQUE;
    }
}
