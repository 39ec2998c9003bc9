package fr.opaline.app.seed;

import java.util.List;

/** Fictitious but plausible French names, accents, hyphens and apostrophes included. */
final class FrenchNames {

    private FrenchNames() {
    }

    static final List<String> SURNAMES = List.of(
            "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent",
            "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard",
            "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefebvre", "Faure", "André",
            "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia",
            "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson",
            "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier",
            "Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud",
            "Martinez", "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron",
            "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix", "Olivier", "Philippe",
            "Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc", "Payet", "Rolland", "Leclercq", "Guillaume", "Lecomte",
            "Lopez", "Jean", "Dupuy", "Guillot", "Hubert", "Berger", "Carpentier", "Sanchez", "Dupuis", "Moulin",
            "Louis", "Deschamps", "Huet", "Vasseur", "Perez", "Boucher", "Fleury", "Royer", "Klein", "Jacquet",
            "Adam", "Paris", "Poirier", "Marty", "Aubry", "Guyot", "Carré", "Charles", "Renault", "Charpentier",
            "Ménard", "Maillard", "Baron", "Bertin", "Bailly", "Hervé", "Schneider", "Fernandez", "Le Gall", "Collet",
            "Léger", "Bouvier", "Julien", "Prévost", "Millet", "Perrot", "Daniel", "Le Roux", "Cousin", "Germain",
            "Breton", "Besson", "Langlois", "Rémy", "Le Goff", "Pelletier", "Lévêque", "Perrier", "Leblanc", "Barré",
            "Lebrun", "Marchal", "Weber", "Mallet", "Hamon", "Boulanger", "Jacob", "Monnier", "Michaud", "Rodriguez",
            "Guichard", "Gillet", "Étienne", "Grondin", "Poulain", "Tessier", "Chevallier", "Collin", "Chauvin", "Da Silva",
            "Bouchet", "Gay", "Lemaître", "Bénard", "Maréchal", "Humbert", "Reynaud", "Antoine", "Hoarau", "Perret",
            "Barthélemy", "Cordier", "Pichon", "Lejeune", "Gilbert", "Lamy", "Delaunay", "Pasquier", "Carlier", "Laporte",
            "D'Aubigné", "N'Diaye", "Saint-Martin", "Pérez-Laborde", "De La Fontaine", "Œuvray", "Lœwenbrück", "Aït-Ali");

    static final List<String> FEMALE_FIRST_NAMES = List.of(
            "Marie", "Jeanne", "Françoise", "Monique", "Catherine", "Nathalie", "Isabelle", "Sylvie", "Anne", "Christine",
            "Martine", "Valérie", "Sandrine", "Sophie", "Céline", "Stéphanie", "Véronique", "Aurélie", "Émilie", "Julie",
            "Camille", "Léa", "Manon", "Chloé", "Inès", "Zoé", "Léna", "Anaïs", "Hélène", "Élodie",
            "Mélanie", "Laëtitia", "Bérénice", "Gaëlle", "Noémie", "Maëlys", "Océane", "Clémence", "Margaux", "Agnès",
            "Geneviève", "Thérèse", "Odile", "Josiane", "Ginette", "Solène", "Héloïse", "Maïwenn", "Anne-Sophie", "Marie-Hélène",
            "Marie-Claude", "Lucie", "Jade", "Louise", "Alice", "Rose", "Ambre", "Mathilde", "Pauline", "Eugénie");

    static final List<String> MALE_FIRST_NAMES = List.of(
            "Jean", "Pierre", "Michel", "André", "Philippe", "René", "Louis", "Alain", "Jacques", "Bernard",
            "Marcel", "Daniel", "Roger", "Robert", "Paul", "Claude", "Christian", "Henri", "Georges", "Nicolas",
            "François", "Patrick", "Gérard", "Christophe", "Joseph", "Julien", "Frédéric", "Stéphane", "Sébastien", "David",
            "Thomas", "Lucas", "Hugo", "Théo", "Nathan", "Léo", "Enzo", "Maël", "Noé", "Loïc",
            "Gaël", "Jérôme", "Cédric", "Aurélien", "Benoît", "Anthony", "Raphaël", "Mathéo", "Gaëtan", "Hervé",
            "Jean-Pierre", "Jean-Luc", "Jean-Marc", "Jean-François", "Pierre-Yves", "Marc-Antoine", "Timothée", "Noël",
            "Élie", "Anatole");

    static final List<String> STREETS = List.of(
            "rue de la République", "avenue Jean-Jaurès", "boulevard Victor-Hugo", "rue Pasteur", "place de l'Église",
            "chemin des Vignes", "allée des Tilleuls", "rue du Général-de-Gaulle", "impasse des Lilas", "quai de la Loire");

    static final List<Place> LIVING_PLACES = List.of(
            new Place("69003", "Lyon"), new Place("69100", "Villeurbanne"), new Place("69500", "Bron"),
            new Place("69120", "Vaulx-en-Velin"), new Place("69200", "Vénissieux"), new Place("69300", "Caluire-et-Cuire"),
            new Place("69600", "Oullins"), new Place("69800", "Saint-Priest"));

    record Place(String postalCode, String city) {
    }

    /**
     * Birthplaces: INSEE codes of communes (Paris and Lyon arrondissements, overseas, Corsica)
     * and of countries (99xxx) for births abroad.
     */
    static final List<String> BIRTHPLACES = List.of(
            "69383", "69383", "69381", "69386", "69266", "69259", "75112", "75115", "13055", "31555", "33063", "59350",
            "44109", "67482", "35238", "06088", "2A004", "2B033", "97411", "97105", "34172", "21231", "63113", "42218",
            "38185", "01053", "71270", "26362", "99350", "99352", "99351", "99109", "99131", "99134", "99139", "99127");

    static final List<String> REFERRING_PHYSICIANS = List.of(
            "Dr Ève Marchand", "Dr Olivier Nguyen", "Dr Sophie Béranger", "Dr Karim Haddad", "Dr Hélène Duclos",
            "Dr François Lemaître", "Dr Anne-Laure Petitjean", "Dr Mathieu Oudin");
}
