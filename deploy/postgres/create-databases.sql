-- One database per service (docker-compose only; the local stack creates them itself).
CREATE DATABASE household ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE fund ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE emulation ENCODING 'UTF8' TEMPLATE template0;
