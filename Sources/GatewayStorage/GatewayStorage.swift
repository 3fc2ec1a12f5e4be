enum GatewayStorageModule {}
