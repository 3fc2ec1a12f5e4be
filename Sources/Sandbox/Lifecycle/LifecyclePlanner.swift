import EInvoice

/// What the planner needs to know about an accepted invoice's buyer.
struct BuyerFacts: Sendable, Hashable {
    /// BT-47 (or the SIREN that starts a BT-49 address of scheme 0225).
    var siren: String?
    /// BT-49.
    var addressingIdentifier: String?
    /// BT-10, the buyer reference (a service code in B2G).
    var buyerReference: String?
    /// The routing codes the directory attaches to the buyer's address.
    var directoryRoutingCodes: [String] = []
}

/// A status to emit at `offset` sandbox seconds after the invoice was received.
struct PlannedStatus: Sendable, Hashable {
    var offset: Double
    var step: ScenarioStep
}

/// Turns the scenario into the timed statuses of one invoice: pure, deterministic for a given generator.
struct LifecyclePlanner: Sendable {
    var scenario: Scenario

    func plan(buyer: BuyerFacts, random: inout SeededRandom) -> [PlannedStatus] {
        var planned: [PlannedStatus] = []
        var offset = 0.0
        for step in scenario.transmission {
            offset += step.after
            planned.append(PlannedStatus(offset: offset, step: step))
        }
        for step in buyerSteps(buyer, random: &random) {
            offset += step.after
            planned.append(PlannedStatus(offset: offset, step: withDefaultReason(step)))
        }
        return planned
    }

    private func buyerSteps(_ buyer: BuyerFacts, random: inout SeededRandom) -> [ScenarioStep] {
        if let script = scenario.buyers.first(where: { matches($0.match, buyer) }) {
            if let steps = script.steps { return steps }
        }
        guard let paths = scenario.random, !paths.paths.isEmpty else { return [] }
        let total = paths.paths.reduce(0) { $0 + max(0, $1.weight) }
        guard total > 0 else { return [] }
        var draw = Int.random(in: 0..<total, using: &random)
        var chosen = paths.paths[paths.paths.count - 1]
        for path in paths.paths {
            if draw < max(0, path.weight) {
                chosen = path
                break
            }
            draw -= max(0, path.weight)
        }
        guard !chosen.hasOwnDelays else { return chosen.steps }
        let low = min(paths.minDelay, paths.maxDelay)
        let high = max(paths.minDelay, paths.maxDelay)
        return chosen.steps.map { step in
            var step = step
            step.after = low == high ? low : Double.random(in: low...high, using: &random).rounded()
            return step
        }
    }

    func matches(_ match: BuyerMatch, _ buyer: BuyerFacts) -> Bool {
        if let siren = match.siren, buyer.siren != siren { return false }
        if let address = match.addressingIdentifier, buyer.addressingIdentifier != address { return false }
        if let code = match.routingCode {
            let fromAddress = buyer.addressingIdentifier.map { $0 == code || $0.hasSuffix("_" + code) } ?? false
            let found = fromAddress || buyer.buyerReference == code || buyer.directoryRoutingCodes.contains(code)
            if !found { return false }
        }
        return match.siren != nil || match.addressingIdentifier != nil || match.routingCode != nil
    }

    /// 206, 207, 208 and 210 carry a reason (BR-FR-CDV-15): a script that gives none gets a plausible one.
    private func withDefaultReason(_ step: ScenarioStep) -> ScenarioStep {
        guard step.reason == nil else { return step }
        var step = step
        switch step.status {
        case .partiallyApproved: step.reason = StatusReason(code: "REF_ERR", text: "référence incorrecte (sandbox)")
        case .disputed: step.reason = StatusReason(code: "AUTRE", text: "litige simulé (sandbox)")
        case .suspended: step.reason = StatusReason(code: "JUSTIF_ABS", text: "justificatif absent (sandbox)")
        case .refused: step.reason = StatusReason(code: "NON_CONFORME", text: "refus simulé (sandbox)")
        default: break
        }
        return step
    }
}
