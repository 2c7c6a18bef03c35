-- Work that one node of a cluster does for all of them (e.g. delivering again the notifications whose first delivery
-- failed) is done by whichever node holds its lease; a node that dies lets it lapse, and another takes it over.
CREATE TABLE cluster_lease (
    name        VARCHAR(64)  NOT NULL,
    holder      VARCHAR(100) NULL,
    held_until  TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_cluster_lease PRIMARY KEY (name)
);
INSERT INTO cluster_lease (name, holder, held_until) VALUES ('notification-retry', NULL, TIMESTAMP '2000-01-01 00:00:00');
