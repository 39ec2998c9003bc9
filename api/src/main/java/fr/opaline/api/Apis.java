package fr.opaline.api;

import java.util.List;

/** Every area of the API; the server serves each, the OpenAPI file documents each. */
public final class Apis {

    public static final List<Class<?>> ALL = List.of(SessionApi.class, AgendaApi.class, PatientApi.class,
            ReportApi.class, QueueApi.class, WorklistApi.class, StatisticsApi.class, AdministrationApi.class,
            IdentityApi.class, DmpApi.class, DocumentApi.class, TeleradiologyApi.class, DirectoryApi.class,
            DrimboxApi.class, CommuneApi.class, OperatorApi.class, InboxApi.class,
            PrintApi.class);

    private Apis() {
    }

    /** The area name of an API interface. */
    public static String area(Class<?> api) {
        Area area = api.getAnnotation(Area.class);
        if (area == null) {
            throw new IllegalArgumentException(api.getName() + " n'est pas une interface de l'API (@Area manquant)");
        }
        return area.value();
    }
}
