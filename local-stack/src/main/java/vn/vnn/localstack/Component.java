package vn.vnn.localstack;

/** The parts the local stack can start. Infrastructure first, in start order, then the services. */
public enum Component {
    POSTGRES, KAFKA, KEYCLOAK, SERVICES
}
