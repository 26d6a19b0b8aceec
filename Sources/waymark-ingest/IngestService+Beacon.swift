import NIOHTTP1
import WaymarkCore
import WaymarkScans

/// `/b`: beacons from static redirect pages, accepted only from the token's own site.
extension IngestService {
    func beacon(_ request: IngestRequest, query: Substring) -> Outcome {
        guard request.method == .POST || request.method == .GET || request.method == .OPTIONS else {
            return .reject(.methodNotAllowed)
        }
        let directory = request.memo.directory(of: manifest)
        // Browsers send Origin with every POST; an <img> GET carries at least the Referer's origin.
        let origin: String
        if let value = request.header("origin"), value != "null" {
            origin = value
        } else if let referer = request.header("referer") {
            origin = referer
        } else {
            return .reject(.missingOrigin)
        }
        guard let allowed = directory.site(origin: origin) else { return .reject(.badOrigin) }
        if request.method == .OPTIONS { return .respond(allowed.preflight, rejected: nil) }

        let payload: BeaconBody
        switch parsePayload(request, query: query) {
        case let .success(parsed): payload = parsed
        case let .failure(reason): return .reject(reason)
        }
        guard let site = directory.siteIDs[payload.site] ?? SiteID(payload.site) else { return .reject(.badBody) }
        guard site == allowed.site else { return .reject(.siteMismatch) }
        switch directory.lookup(payload.token[...], on: site) {
        case .unknown: return .reject(.unknownToken)
        case .otherSite: return .reject(.wrongSite)
        case .retired: return .reject(.retiredToken)
        case let .active(record):
            let event = makeEvent(.beacon, site: site, token: record.token, referrer: payload.ref, request: request)
            return .log(event, then: allowed.beaconAccepted)
        }
    }
}

private extension IngestService {
    func parsePayload(_ request: IngestRequest, query: Substring) -> Result<BeaconBody, Rejection> {
        if request.method == .POST {
            do {
                return .success(try BeaconBody(request.body))
            } catch {
                return .failure(.badBody)
            }
        }
        let values: QueryString
        do {
            values = try QueryString(query)
        } catch .encoding {
            return .failure(.badEncoding)
        } catch {
            return .failure(.badQuery)
        }
        guard let site = values["site"], let token = values["token"] else { return .failure(.badQuery) }
        return .success(BeaconBody(site: site, token: token, ref: values["ref"]))
    }
}
