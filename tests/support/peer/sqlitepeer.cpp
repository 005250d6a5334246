// gl-sqlite-peer DATABASE [write]: another process using a database the way every SQLite program does (the
// sqlite3 shell, a backup script, another Greenlight): opens it, reads (and with `write`, inserts a row into
// peer_rows), closes it. When it is the last connection on the file, SQLite checkpoints the WAL into the file and
// deletes the -wal and -shm files on close; it must never be able to believe that while a Greenlight process
// still has the file open. Exit 0 when every step succeeded; the error on stderr otherwise.
#include <cstdio>
#include <cstring>
#include <sqlite3.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: gl-sqlite-peer DATABASE [write]\n");
        return 2;
    }
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        std::fprintf(stderr, "open: %s\n", db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return 1;
    }
    sqlite3_busy_timeout(db, 5000);
    const bool write = argc > 2 && std::strcmp(argv[2], "write") == 0;
    const char *sql = write ? "CREATE TABLE IF NOT EXISTS peer_rows (id INTEGER PRIMARY KEY, at TEXT);"
                              "INSERT INTO peer_rows (at) VALUES (datetime('now'));"
                            : "SELECT count(*) FROM sqlite_master;";
    char *error = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        std::fprintf(stderr, "exec: %s\n", error ? error : "?");
        sqlite3_free(error);
        sqlite3_close(db);
        return 1;
    }
    return sqlite3_close(db) == SQLITE_OK ? 0 : 1;
}
