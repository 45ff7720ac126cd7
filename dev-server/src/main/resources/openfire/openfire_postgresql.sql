-- Openfire 4.2.0 database schema for PostgreSQL (schema version 26).
--
-- Written for the chat-app dev-server from the SQL statements that the Openfire 4.2.0 classes
-- (xmppserver-4.2.0.jar) issue, with column types chosen to match the JDBC setters and getters
-- the code uses next to each statement. It is not a copy of the script shipped with Openfire.
--
-- Conventions used by Openfire and followed here:
--   * dates are CHAR(15) strings holding zero-padded epoch milliseconds (StringUtils.dateToMillis)
--   * booleans are INTEGER 0 or 1
--   * sequence ids are BIGINT and come from ofID (SequenceManager)
--   * identifiers are unquoted, so PostgreSQL folds them to lower case
--
-- Format rules for the dev-server runner: plain SQL only, every statement ends with a semicolon
-- at the end of a line, no semicolons inside statements or comments, and no PL/pgSQL.
-- The script runs once against an empty schema. It seeds ofVersion, ofID and the default
-- conference service but no ofProperty rows (server settings are written elsewhere).


-- ---------------------------------------------------------------------------------------------
-- Users, authentication and per-user data
-- ---------------------------------------------------------------------------------------------

-- DefaultUserProvider, DefaultAuthProvider (SCRAM columns storedKey, serverKey, salt, iterations)
CREATE TABLE ofUser (
  username              VARCHAR(64)     NOT NULL,
  storedKey             VARCHAR(32),
  serverKey             VARCHAR(32),
  salt                  VARCHAR(32),
  iterations            INTEGER,
  plainPassword         VARCHAR(32),
  encryptedPassword     VARCHAR(255),
  name                  VARCHAR(100),
  email                 VARCHAR(100),
  creationDate          CHAR(15)        NOT NULL,
  modificationDate      CHAR(15)        NOT NULL,
  CONSTRAINT ofUser_pk PRIMARY KEY (username)
);
CREATE INDEX ofUser_cDate_idx ON ofUser (creationDate);

-- DefaultUserPropertyProvider
CREATE TABLE ofUserProp (
  username              VARCHAR(64)     NOT NULL,
  name                  VARCHAR(100)    NOT NULL,
  propValue             TEXT            NOT NULL,
  CONSTRAINT ofUserProp_pk PRIMARY KEY (username, name)
);

-- DefaultLockOutProvider. The column order matters because the provider inserts without a
-- column list (INSERT INTO ofUserFlag VALUES(username, name, startTime, endTime)).
CREATE TABLE ofUserFlag (
  username              VARCHAR(64)     NOT NULL,
  name                  VARCHAR(100)    NOT NULL,
  startTime             CHAR(15),
  endTime               CHAR(15),
  CONSTRAINT ofUserFlag_pk PRIMARY KEY (username, name)
);
CREATE INDEX ofUserFlag_sTime_idx ON ofUserFlag (startTime);
CREATE INDEX ofUserFlag_eTime_idx ON ofUserFlag (endTime);

-- Not referenced by the 4.2.0 core classes but part of the standard Openfire schema
-- (SASL authorization mappings of principals to users).
CREATE TABLE ofSASLAuthorized (
  username              VARCHAR(64)     NOT NULL,
  principal             TEXT            NOT NULL,
  CONSTRAINT ofSASLAuthorized_pk PRIMARY KEY (username, principal)
);

-- OfflineMessageStore (messageID from ofID type 19)
CREATE TABLE ofOffline (
  username              VARCHAR(64)     NOT NULL,
  messageID             BIGINT          NOT NULL,
  creationDate          CHAR(15)        NOT NULL,
  messageSize           INTEGER         NOT NULL,
  stanza                TEXT            NOT NULL,
  CONSTRAINT ofOffline_pk PRIMARY KEY (username, messageID)
);
CREATE INDEX ofOffline_uname_cDate_idx ON ofOffline (username, creationDate);

-- PresenceManagerImpl (offlineDate is written with setString)
CREATE TABLE ofPresence (
  username              VARCHAR(64)     NOT NULL,
  offlinePresence       TEXT,
  offlineDate           VARCHAR(15)     NOT NULL,
  CONSTRAINT ofPresence_pk PRIMARY KEY (username)
);

-- DefaultRosterItemProvider (rosterID from ofID type 18)
CREATE TABLE ofRoster (
  rosterID              BIGINT          NOT NULL,
  username              VARCHAR(64)     NOT NULL,
  jid                   VARCHAR(1024)   NOT NULL,
  sub                   INTEGER         NOT NULL,
  ask                   INTEGER         NOT NULL,
  recv                  INTEGER         NOT NULL,
  nick                  VARCHAR(255),
  CONSTRAINT ofRoster_pk PRIMARY KEY (rosterID)
);
CREATE INDEX ofRoster_unameid_idx ON ofRoster (username);
CREATE INDEX ofRoster_jid_idx ON ofRoster (jid);

CREATE TABLE ofRosterGroups (
  rosterID              BIGINT          NOT NULL,
  rank                  INTEGER         NOT NULL,
  groupName             VARCHAR(255)    NOT NULL,
  CONSTRAINT ofRosterGroups_pk PRIMARY KEY (rosterID, rank),
  CONSTRAINT ofRosterGroup_rosterid_fk FOREIGN KEY (rosterID) REFERENCES ofRoster (rosterID)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ofRosterGroup_rosterid_idx ON ofRosterGroups (rosterID);

-- DefaultVCardProvider
CREATE TABLE ofVCard (
  username              VARCHAR(64)     NOT NULL,
  vcard                 TEXT            NOT NULL,
  CONSTRAINT ofVCard_pk PRIMARY KEY (username)
);

-- PrivateStorage (XEP-0049)
CREATE TABLE ofPrivate (
  username              VARCHAR(64)     NOT NULL,
  name                  VARCHAR(100)    NOT NULL,
  namespace             VARCHAR(200)    NOT NULL,
  privateData           TEXT            NOT NULL,
  CONSTRAINT ofPrivate_pk PRIMARY KEY (username, name, namespace)
);

-- PrivacyListProvider
CREATE TABLE ofPrivacyList (
  username              VARCHAR(64)     NOT NULL,
  name                  VARCHAR(100)    NOT NULL,
  isDefault             INTEGER         NOT NULL,
  list                  TEXT            NOT NULL,
  CONSTRAINT ofPrivacyList_pk PRIMARY KEY (username, name)
);
CREATE INDEX ofPrivacyList_default_idx ON ofPrivacyList (username, isDefault);


-- ---------------------------------------------------------------------------------------------
-- Groups
-- ---------------------------------------------------------------------------------------------

-- DefaultGroupProvider
CREATE TABLE ofGroup (
  groupName             VARCHAR(50)     NOT NULL,
  description           VARCHAR(255),
  CONSTRAINT ofGroup_pk PRIMARY KEY (groupName)
);

-- DefaultGroupPropertyMap, AbstractGroupProvider
CREATE TABLE ofGroupProp (
  groupName             VARCHAR(50)     NOT NULL,
  name                  VARCHAR(100)    NOT NULL,
  propValue             TEXT            NOT NULL,
  CONSTRAINT ofGroupProp_pk PRIMARY KEY (groupName, name)
);

-- DefaultGroupProvider (username holds a bare JID node or a full JID for remote members)
CREATE TABLE ofGroupUser (
  groupName             VARCHAR(50)     NOT NULL,
  username              VARCHAR(100)    NOT NULL,
  administrator         INTEGER         NOT NULL,
  CONSTRAINT ofGroupUser_pk PRIMARY KEY (groupName, username, administrator)
);
CREATE INDEX ofGroupUser_uname_idx ON ofGroupUser (username);


-- ---------------------------------------------------------------------------------------------
-- Server infrastructure
-- ---------------------------------------------------------------------------------------------

-- SequenceManager
CREATE TABLE ofID (
  idType                INTEGER         NOT NULL,
  id                    BIGINT          NOT NULL,
  CONSTRAINT ofID_pk PRIMARY KEY (idType)
);

-- JiveProperties (encrypted is 0 or 1)
CREATE TABLE ofProperty (
  name                  VARCHAR(100)    NOT NULL,
  propValue             TEXT            NOT NULL,
  encrypted             INTEGER,
  CONSTRAINT ofProperty_pk PRIMARY KEY (name)
);

-- SchemaManager
CREATE TABLE ofVersion (
  name                  VARCHAR(50)     NOT NULL,
  version               INTEGER         NOT NULL,
  CONSTRAINT ofVersion_pk PRIMARY KEY (name)
);

-- ExternalComponentManager (wildcard is 0 or 1, permission is allowed or blocked)
CREATE TABLE ofExtComponentConf (
  subdomain             VARCHAR(255)    NOT NULL,
  wildcard              INTEGER         NOT NULL,
  secret                VARCHAR(255),
  permission            VARCHAR(10)     NOT NULL,
  CONSTRAINT ofExtComponentConf_pk PRIMARY KEY (subdomain, wildcard)
);

-- RemoteServerManager
CREATE TABLE ofRemoteServerConf (
  xmppDomain            VARCHAR(255)    NOT NULL,
  remotePort            INTEGER,
  permission            VARCHAR(10)     NOT NULL,
  CONSTRAINT ofRemoteServerConf_pk PRIMARY KEY (xmppDomain)
);

-- DefaultSecurityAuditProvider (msgID from ofID type 25, entryStamp is epoch millis via setLong)
CREATE TABLE ofSecurityAuditLog (
  msgID                 BIGINT          NOT NULL,
  username              VARCHAR(64)     NOT NULL,
  entryStamp            BIGINT          NOT NULL,
  summary               VARCHAR(255)    NOT NULL,
  node                  VARCHAR(255)    NOT NULL,
  details               TEXT,
  CONSTRAINT ofSecurityAuditLog_pk PRIMARY KEY (msgID)
);
CREATE INDEX ofSecurityAuditLog_tstamp_idx ON ofSecurityAuditLog (entryStamp);
CREATE INDEX ofSecurityAuditLog_uname_idx ON ofSecurityAuditLog (username);

-- Not referenced by the 4.2.0 core classes. Part of the standard Openfire schema and used by
-- the statistics code of the monitoring plugin to keep RRD archives.
CREATE TABLE ofRRDs (
  id                    VARCHAR(100)    NOT NULL,
  updatedDate           CHAR(15)        NOT NULL,
  bytes                 BYTEA,
  CONSTRAINT ofRRDs_pk PRIMARY KEY (id)
);


-- ---------------------------------------------------------------------------------------------
-- Multi-user chat (XEP-0045)
-- ---------------------------------------------------------------------------------------------

-- MultiUserChatManager (serviceID from ofID type 26, isHidden is 0 or 1)
CREATE TABLE ofMucService (
  serviceID             BIGINT          NOT NULL,
  subdomain             VARCHAR(255)    NOT NULL,
  description           VARCHAR(255),
  isHidden              INTEGER         NOT NULL,
  CONSTRAINT ofMucService_pk PRIMARY KEY (subdomain)
);
CREATE INDEX ofMucService_serviceid_idx ON ofMucService (serviceID);

-- MUCServiceProperties
CREATE TABLE ofMucServiceProp (
  serviceID             BIGINT          NOT NULL,
  name                  VARCHAR(100)    NOT NULL,
  propValue             TEXT            NOT NULL,
  CONSTRAINT ofMucServiceProp_pk PRIMARY KEY (serviceID, name)
);

-- MUCPersistenceManager (roomID from ofID type 23, flags are 0 or 1)
CREATE TABLE ofMucRoom (
  serviceID             BIGINT          NOT NULL,
  roomID                BIGINT          NOT NULL,
  creationDate          CHAR(15)        NOT NULL,
  modificationDate      CHAR(15)        NOT NULL,
  name                  VARCHAR(50)     NOT NULL,
  naturalName           VARCHAR(255)    NOT NULL,
  description           VARCHAR(255),
  lockedDate            CHAR(15)        NOT NULL,
  emptyDate             CHAR(15),
  canChangeSubject      INTEGER         NOT NULL,
  maxUsers              INTEGER         NOT NULL,
  publicRoom            INTEGER         NOT NULL,
  moderated             INTEGER         NOT NULL,
  membersOnly           INTEGER         NOT NULL,
  canInvite             INTEGER         NOT NULL,
  roomPassword          VARCHAR(50),
  canDiscoverJID        INTEGER         NOT NULL,
  logEnabled            INTEGER         NOT NULL,
  subject               VARCHAR(100),
  rolesToBroadcast      INTEGER         NOT NULL,
  useReservedNick       INTEGER         NOT NULL,
  canChangeNick         INTEGER         NOT NULL,
  canRegister           INTEGER         NOT NULL,
  allowpm               INTEGER,
  CONSTRAINT ofMucRoom_pk PRIMARY KEY (serviceID, name)
);
CREATE INDEX ofMucRoom_roomid_idx ON ofMucRoom (roomID);
CREATE INDEX ofMucRoom_serviceid_idx ON ofMucRoom (serviceID);

-- Only read and written by the OF-33 upgrade fix, kept for completeness.
CREATE TABLE ofMucRoomProp (
  roomID                BIGINT          NOT NULL,
  name                  VARCHAR(100)    NOT NULL,
  propValue             TEXT            NOT NULL,
  CONSTRAINT ofMucRoomProp_pk PRIMARY KEY (roomID, name)
);

-- MUCPersistenceManager (affiliation is the MUCRole.Affiliation value)
CREATE TABLE ofMucAffiliation (
  roomID                BIGINT          NOT NULL,
  jid                   VARCHAR(1024)   NOT NULL,
  affiliation           INTEGER         NOT NULL,
  CONSTRAINT ofMucAffiliation_pk PRIMARY KEY (roomID, jid)
);
CREATE INDEX ofMucAffiliation_jid_idx ON ofMucAffiliation (jid);

CREATE TABLE ofMucMember (
  roomID                BIGINT          NOT NULL,
  jid                   VARCHAR(1024)   NOT NULL,
  nickname              VARCHAR(255),
  firstName             VARCHAR(100),
  lastName              VARCHAR(100),
  url                   VARCHAR(100),
  email                 VARCHAR(100),
  faqentry              VARCHAR(100),
  CONSTRAINT ofMucMember_pk PRIMARY KEY (roomID, jid)
);
CREATE INDEX ofMucMember_jid_idx ON ofMucMember (jid);

-- MUCPersistenceManager.saveConversationLogEntry (messageID is computed by the INSERT itself)
CREATE TABLE ofMucConversationLog (
  roomID                BIGINT          NOT NULL,
  messageID             BIGINT          NOT NULL,
  sender                VARCHAR(1024)   NOT NULL,
  nickname              VARCHAR(255),
  logTime               CHAR(15)        NOT NULL,
  subject               VARCHAR(255),
  body                  TEXT,
  stanza                TEXT
);
CREATE INDEX ofMucConvLog_time_idx ON ofMucConversationLog (roomID, logTime);
CREATE INDEX ofMucConvLog_logtime_idx ON ofMucConversationLog (logTime);
CREATE INDEX ofMucConvLog_msg_id ON ofMucConversationLog (messageID);


-- ---------------------------------------------------------------------------------------------
-- Publish-subscribe and PEP (XEP-0060 and XEP-0163). serviceID is a string here (the pubsub
-- service name or the bare JID of a PEP owner), flags are 0 or 1.
-- ---------------------------------------------------------------------------------------------

-- PubSubPersistenceManager, PEPServiceManager
CREATE TABLE ofPubsubNode (
  serviceID             VARCHAR(100)    NOT NULL,
  nodeID                VARCHAR(100)    NOT NULL,
  leaf                  INTEGER         NOT NULL,
  creationDate          CHAR(15)        NOT NULL,
  modificationDate      CHAR(15)        NOT NULL,
  parent                VARCHAR(100),
  deliverPayloads       INTEGER         NOT NULL,
  maxPayloadSize        INTEGER,
  persistItems          INTEGER,
  maxItems              INTEGER,
  notifyConfigChanges   INTEGER         NOT NULL,
  notifyDelete          INTEGER         NOT NULL,
  notifyRetract         INTEGER         NOT NULL,
  presenceBased         INTEGER         NOT NULL,
  sendItemSubscribe     INTEGER         NOT NULL,
  publisherModel        VARCHAR(15)     NOT NULL,
  subscriptionEnabled   INTEGER         NOT NULL,
  configSubscription    INTEGER         NOT NULL,
  accessModel           VARCHAR(10)     NOT NULL,
  payloadType           VARCHAR(100),
  bodyXSLT              VARCHAR(100),
  dataformXSLT          VARCHAR(100),
  creator               VARCHAR(1024)   NOT NULL,
  description           VARCHAR(255),
  language              VARCHAR(255),
  name                  VARCHAR(50),
  replyPolicy           VARCHAR(15),
  associationPolicy     VARCHAR(15),
  maxLeafNodes          INTEGER,
  CONSTRAINT ofPubsubNode_pk PRIMARY KEY (serviceID, nodeID)
);

CREATE TABLE ofPubsubNodeJIDs (
  serviceID             VARCHAR(100)    NOT NULL,
  nodeID                VARCHAR(100)    NOT NULL,
  jid                   VARCHAR(1024)   NOT NULL,
  associationType       VARCHAR(20)     NOT NULL,
  CONSTRAINT ofPubsubNodeJIDs_pk PRIMARY KEY (serviceID, nodeID, jid)
);

CREATE TABLE ofPubsubNodeGroups (
  serviceID             VARCHAR(100)    NOT NULL,
  nodeID                VARCHAR(100)    NOT NULL,
  rosterGroup           VARCHAR(100)    NOT NULL
);
CREATE INDEX ofPubsubNodeGroups_idx ON ofPubsubNodeGroups (serviceID, nodeID);

-- affiliation is a string here (owner, publisher, outcast and so on)
CREATE TABLE ofPubsubAffiliation (
  serviceID             VARCHAR(100)    NOT NULL,
  nodeID                VARCHAR(100)    NOT NULL,
  jid                   VARCHAR(1024)   NOT NULL,
  affiliation           VARCHAR(10)     NOT NULL,
  CONSTRAINT ofPubsubAffiliation_pk PRIMARY KEY (serviceID, nodeID, jid)
);

CREATE TABLE ofPubsubItem (
  serviceID             VARCHAR(100)    NOT NULL,
  nodeID                VARCHAR(100)    NOT NULL,
  id                    VARCHAR(100)    NOT NULL,
  jid                   VARCHAR(1024)   NOT NULL,
  creationDate          CHAR(15)        NOT NULL,
  payload               TEXT,
  CONSTRAINT ofPubsubItem_pk PRIMARY KEY (serviceID, nodeID, id)
);
CREATE INDEX ofPubsubItem_cDate_idx ON ofPubsubItem (serviceID, nodeID, creationDate);
CREATE INDEX ofPubsubItem_id_idx ON ofPubsubItem (id);

-- expire is a CHAR(15) date string or NULL
CREATE TABLE ofPubsubSubscription (
  serviceID             VARCHAR(100)    NOT NULL,
  nodeID                VARCHAR(100)    NOT NULL,
  id                    VARCHAR(100)    NOT NULL,
  jid                   VARCHAR(1024)   NOT NULL,
  owner                 VARCHAR(1024)   NOT NULL,
  state                 VARCHAR(15)     NOT NULL,
  deliver               INTEGER         NOT NULL,
  digest                INTEGER         NOT NULL,
  digest_frequency      INTEGER         NOT NULL,
  expire                CHAR(15),
  includeBody           INTEGER         NOT NULL,
  showValues            VARCHAR(30)     NOT NULL,
  subscriptionType      VARCHAR(10)     NOT NULL,
  subscriptionDepth     INTEGER         NOT NULL,
  keyword               VARCHAR(200),
  CONSTRAINT ofPubsubSubscription_pk PRIMARY KEY (serviceID, nodeID, id)
);

CREATE TABLE ofPubsubDefaultConf (
  serviceID             VARCHAR(100)    NOT NULL,
  leaf                  INTEGER         NOT NULL,
  deliverPayloads       INTEGER         NOT NULL,
  maxPayloadSize        INTEGER         NOT NULL,
  persistItems          INTEGER         NOT NULL,
  maxItems              INTEGER         NOT NULL,
  notifyConfigChanges   INTEGER         NOT NULL,
  notifyDelete          INTEGER         NOT NULL,
  notifyRetract         INTEGER         NOT NULL,
  presenceBased         INTEGER         NOT NULL,
  sendItemSubscribe     INTEGER         NOT NULL,
  publisherModel        VARCHAR(15)     NOT NULL,
  subscriptionEnabled   INTEGER         NOT NULL,
  accessModel           VARCHAR(10)     NOT NULL,
  language              VARCHAR(255),
  replyPolicy           VARCHAR(15),
  associationPolicy     VARCHAR(15)     NOT NULL,
  maxLeafNodes          INTEGER         NOT NULL,
  CONSTRAINT ofPubsubDefaultConf_pk PRIMARY KEY (serviceID, leaf)
);


-- ---------------------------------------------------------------------------------------------
-- Seed data
-- ---------------------------------------------------------------------------------------------

-- SchemaManager.DATABASE_VERSION of Openfire 4.2.0
INSERT INTO ofVersion (name, version) VALUES ('openfire', 26);

-- SequenceManager id types (JiveConstants): 18 roster, 19 offline, 23 MUC room,
-- 25 security audit, 26 MUC service. The MUC service counter starts at 2 because
-- service 1 (conference) is seeded below.
INSERT INTO ofID (idType, id) VALUES (18, 1);
INSERT INTO ofID (idType, id) VALUES (19, 1);
INSERT INTO ofID (idType, id) VALUES (23, 1);
INSERT INTO ofID (idType, id) VALUES (25, 1);
INSERT INTO ofID (idType, id) VALUES (26, 2);

-- Default multi-user chat service
INSERT INTO ofMucService (serviceID, subdomain, description, isHidden) VALUES (1, 'conference', NULL, 0);
