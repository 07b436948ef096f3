#pragma once

#include <soci/soci.h>

#include <boost/json/object.hpp>
#include <codeflix/core/clock.hpp>
#include <codeflix/core/result.hpp>
#include <codeflix/core/uuid.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "../domain/common.hpp"
#include "../events/catalog_events.hpp"
#include "../repositories/list_query.hpp"
#include "../repositories/relations.hpp"
#include "representations.hpp"

namespace codeflix::catalog_admin::app {

template <class Entity>
struct Page {
    std::vector<Entity> items;
    std::int64_t total = 0;
};

/// The use cases every catalog aggregate shares: create, replace, patch, soft delete, get and
/// list, with optimistic concurrency on `version`. `Traits` supplies what differs:
///   using Entity, Input, Repository;
///   static constexpr const char* kName;                           // "category"
///   static constexpr const char* kEventName;                      // "cast_member"
///   core::Result<Input> parse(const boost::json::object&, domain::WriteMode) const;
///   Entity apply(Entity, const Input&, domain::WriteMode) const;
///   core::Result<void> validate(soci::session&, const Entity&) const;   // references, rules
///   bool in_use(soci::session&, const std::string& id) const;
/// Every method runs on the caller's session, inside the caller's transaction, and writes the
/// matching `codeflix.catalog.<kEventName>.{created,updated,deleted}.v1` event to the outbox in it.
template <class Traits>
class CrudService {
  public:
    using Entity = typename Traits::Entity;

    explicit CrudService(Traits traits = {}) : traits_(std::move(traits)) {}

    core::Result<Entity> create(soci::session& session, const boost::json::object& body) const {
        auto input = traits_.parse(body, domain::WriteMode::create);
        if (!input) return input.error();
        Entity entity = traits_.apply(Entity{}, *input, domain::WriteMode::create);
        entity.meta.id = core::new_uuid_v7();
        entity.meta.version = 1;
        entity.meta.created_at = entity.meta.updated_at = core::to_rfc3339(core::now());
        if (auto valid = traits_.validate(session, entity); !valid) return valid.error();
        repository_.insert(session, entity);
        return emitted(session, reload(session, entity.meta.id), "created");
    }

    /// PUT (replace) or PATCH; `expected_version` comes from If-Match.
    core::Result<Entity> update(soci::session& session, const std::string& id,
                                const boost::json::object& body, domain::WriteMode mode,
                                std::optional<std::int64_t> expected_version) const {
        auto input = traits_.parse(body, mode);
        if (!input) return input.error();
        repositories::lock_row(session, Traits::Repository::kTable, id);
        auto existing = find_current(session, id, expected_version);
        if (!existing) return existing.error();
        Entity entity = traits_.apply(*existing, *input, mode);
        entity.meta.version = existing->meta.version + 1;
        entity.meta.updated_at = core::to_rfc3339(core::now());
        if (auto valid = traits_.validate(session, entity); !valid) return valid.error();
        if (!repository_.update(session, entity, existing->meta.version)) return stale();
        return emitted(session, reload(session, id), "updated");
    }

    core::Result<void> remove(soci::session& session, const std::string& id,
                              std::optional<std::int64_t> expected_version) const {
        repositories::lock_row(session, Traits::Repository::kTable, id);
        auto existing = find_current(session, id, expected_version);
        if (!existing) return existing.error();
        if (traits_.in_use(session, id)) {
            return core::Error::conflict(std::string("The ") + Traits::kName +
                                         " is still used by live records; detach it first");
        }
        std::string now = core::to_rfc3339(core::now());
        if (!repository_.soft_delete(session, id, existing->meta.version, now)) return stale();
        Entity deleted = std::move(*existing);
        deleted.meta.version += 1;
        deleted.meta.updated_at = now;
        auto state = to_json(deleted);
        state["deleted_at"] = now;
        events::record(session, Traits::kEventName, "deleted", std::move(state));
        return {};
    }

    core::Result<Entity> get(soci::session& session, const std::string& id) const {
        return find_current(session, id, std::nullopt);
    }

    Page<Entity> list(soci::session& session, const repositories::ListRequest& request) const {
        Page<Entity> page;
        page.items = repository_.list(session, request, &page.total);
        return page;
    }

    static const repositories::ListSpec& list_spec() { return Traits::Repository::list_spec(); }

  private:
    core::Result<Entity> find_current(soci::session& session, const std::string& id,
                                      std::optional<std::int64_t> expected_version) const {
        auto found = repository_.find(session, id);
        if (!found)
            return core::Error::not_found(std::string("No ") + Traits::kName + " with id " + id);
        if (expected_version && *expected_version != found->meta.version) return stale();
        return std::move(*found);
    }

    core::Result<Entity> emitted(soci::session& session, core::Result<Entity> entity,
                                 std::string_view action) const {
        if (entity) events::record(session, Traits::kEventName, action, to_json(*entity));
        return entity;
    }

    core::Result<Entity> reload(soci::session& session, const std::string& id) const {
        auto found = repository_.find(session, id);
        if (!found)
            return core::Error::internal(std::string("The ") + Traits::kName +
                                         " vanished while being written");
        return std::move(*found);
    }

    static core::Error stale() {
        return core::Error::precondition_failed(
            std::string("The ") + Traits::kName +
            " was changed by someone else; reload it and try again");
    }

    Traits traits_;
    typename Traits::Repository repository_;
};

}  // namespace codeflix::catalog_admin::app
